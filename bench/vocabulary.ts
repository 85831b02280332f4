// Made-up words for the synthetic corpus: prose vocabulary ranked by frequency, and proper names for actors.
// Invented words keep the corpus free of real content while still having common and rare terms.
import { STOP_WORDS } from '../src/search/normalize.ts';
import { intBetween, pick, type Random } from './random.ts';

const ONSETS = [
  'b',
  'd',
  'f',
  'g',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  'v',
  'z',
  'br',
  'dr',
  'kr',
  'st',
  'sh',
  'th',
  'gl',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou', 'y'];
const CODAS = ['', '', '', 'n', 'r', 's', 'l', 'k', 'm', 'th', 'x', 'nd'];

function syllable(random: Random): string {
  return pick(random, ONSETS) + pick(random, VOWELS) + pick(random, CODAS);
}

/** `count` distinct lower-case words of 2–3 syllables, in rank order (index 0 is the most frequent). */
export function proseVocabulary(random: Random, count: number): string[] {
  const words = new Set<string>();
  while (words.size < count) {
    let word = '';
    const syllables = intBetween(random, 2, 3);
    for (let i = 0; i < syllables; i++) word += syllable(random);
    // Stop words are dropped by the index; a made-up word that spells one would never be searchable.
    if (word.length >= 4 && !STOP_WORDS.has(word)) words.add(word);
  }
  return [...words];
}

/** Function words mixed into sentences: real prose is full of them, and the index must skip them. */
export const FUNCTION_WORDS = ['the', 'of', 'and', 'to', 'in', 'a', 'with', 'for', 'its', 'by', 'on', 'as'];

export function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** A proper name of 2–4 syllables, capitalised: `Velmora`, `Kashtun`. */
export function properName(random: Random): string {
  let name = '';
  const syllables = intBetween(random, 2, 4);
  for (let i = 0; i < syllables; i++) name += syllable(random);
  return capitalise(name);
}
