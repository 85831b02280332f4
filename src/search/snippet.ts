// Picks the part of a section that shows why it matched: the window holding the most matched words.
import { wordKey } from './normalize.ts';
import { stemWord } from './stem.ts';

export interface SnippetPart {
  text: string;
  match: boolean;
}

export interface Snippet {
  parts: SnippetPart[];
  /** Text was left out before / after the window. */
  before: boolean;
  after: boolean;
}

interface Word {
  start: number;
  end: number;
  match: boolean;
}

/**
 * `terms` are the index terms that matched (normalised and stemmed); a word matches when its normalised form or
 * its stem is one of them, or it starts with one (prefix search) — the same rule the index used.
 */
export function makeSnippet(text: string, terms: readonly string[], maxChars: number): Snippet {
  const words: Word[] = [];
  // A word's stem keeps all but at most its last two letters as the word has them (Porter2 drops suffixes and
  // changes at most a final y to ie: dying → die), so only a word starting so can stem to a term; stemming every
  // word of every hit's text was much of a search's cost.
  const stemStarts = terms.map((t) => t.slice(0, -2));
  for (const m of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)) {
    const word = m[0];
    const key = wordKey(word);
    const match =
      terms.some((t) => key === t || (t.length >= 3 && key.startsWith(t))) ||
      (stemStarts.some((start) => key.startsWith(start)) && terms.includes(stemWord(key)));
    words.push({ start: m.index, end: m.index + word.length, match });
  }
  if (text.length <= maxChars)
    return { parts: split(text, 0, text.length, words), before: false, after: false };

  // Slide a window of maxChars over the words; keep the start with the most matches (earliest on ties).
  let bestStart = 0;
  let bestCount = -1;
  let j = 0;
  let count = 0;
  for (let i = 0; i < words.length; i++) {
    while (j < words.length && words[j]!.end - words[i]!.start <= maxChars) {
      if (words[j]!.match) count++;
      j++;
    }
    if (count > bestCount) {
      bestCount = count;
      bestStart = i;
    }
    if (words[i]!.match) count--;
  }
  // Start a little before the first match so it reads in context.
  const firstMatch = words.findIndex((w, i) => i >= bestStart && w.match);
  const lead = firstMatch > 0 ? Math.max(bestStart, firstMatch - 6) : bestStart;
  let from =
    lead === 0
      ? 0
      : (sentenceStartNear(text, words[lead]!.start, words[bestStart]!.start) ?? words[lead]!.start);
  // What comes before the first word (a quote, a dash) must not push the match out of the window.
  if (firstMatch >= 0 && words[firstMatch]!.end - from > maxChars) from = words[lead]!.start;
  let to = from;
  for (const w of words) if (w.start >= from && w.end - from <= maxChars) to = w.end;
  if (to === from) to = Math.min(text.length, from + maxChars);
  return { parts: split(text, from, to, words), before: from > 0, after: to < text.length };
}

function sentenceStartNear(text: string, at: number, floor: number): number | undefined {
  const dot = text.lastIndexOf('. ', at);
  return dot >= floor && at - dot < 80 ? dot + 2 : undefined;
}

function split(text: string, from: number, to: number, words: Word[]): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let cursor = from;
  for (const w of words) {
    if (!w.match || w.start < from || w.end > to) continue;
    if (w.start > cursor) parts.push({ text: text.slice(cursor, w.start), match: false });
    parts.push({ text: text.slice(w.start, w.end), match: true });
    cursor = w.end;
  }
  if (cursor < to) parts.push({ text: text.slice(cursor, to), match: false });
  return parts;
}
