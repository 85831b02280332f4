// How an actor's name fits a given width without being cut: the full name on one line, else the directory's
// short name, else the full name over two lines (more for the longest), a size smaller if need be. Only a name
// that fits none of these (a single word wider than the picture allows) ends in an ellipsis. Running text
// (titles, captions) names an actor by its full name, its short name or its code, whichever the line holds.
import type { MapActor } from './model.ts';
import { displayName } from './prepare.ts';
import { cleanText, fitText, textWidth } from './text.ts';

export interface NameLabel {
  lines: string[];
  size: number;
  /** False only when the name had to be shortened with an ellipsis. */
  whole: boolean;
}

/** The most balanced break of `text` into exactly `count` lines no wider than `maxWidth`, if there is one. */
export function balancedLines(
  text: string,
  count: number,
  maxWidth: number,
  size: number,
  bold = false,
): string[] | undefined {
  const words = text.split(' ').filter((w) => w !== '');
  if (words.length < count) return undefined;
  const width = (from: number, to: number) => textWidth(words.slice(from, to).join(' '), size, bold);
  let best: { lines: string[]; widest: number } | undefined;
  const search = (from: number, left: number, lines: string[], widest: number) => {
    if (left === 1) {
      const w = Math.max(widest, width(from, words.length));
      if (w <= maxWidth && (!best || w < best.widest)) {
        best = { lines: [...lines, words.slice(from).join(' ')], widest: w };
      }
      return;
    }
    for (let to = from + 1; to <= words.length - left + 1; to++) {
      const w = width(from, to);
      if (w > maxWidth) break;
      search(to, left - 1, [...lines, words.slice(from, to).join(' ')], Math.max(widest, w));
    }
  };
  search(0, count, [], 0);
  return best?.lines;
}

/**
 * `sizes`: largest first. One line is tried at the largest size only, so names in a list keep one size where
 * they can; two lines may step down.
 */
export function nameLabel(
  actor: MapActor,
  maxWidth: number,
  sizes: readonly number[],
  bold = false,
  maxLines = 3,
): NameLabel {
  const full = displayName(actor, bold);
  const short = actor.short ? cleanText(actor.short, bold) : '';
  const [first = 16] = sizes;
  if (textWidth(full, first, bold) <= maxWidth) return { lines: [full], size: first, whole: true };
  if (short !== '' && textWidth(short, first, bold) <= maxWidth)
    return { lines: [short], size: first, whole: true };
  for (let count = 2; count <= maxLines; count++) {
    for (const size of sizes) {
      const lines = balancedLines(full, count, maxWidth, size, bold);
      if (lines) return { lines, size, whole: true };
    }
  }
  const smallest = sizes.at(-1) ?? first;
  const text = short || full;
  const lines = balancedLines(text, 2, Number.POSITIVE_INFINITY, smallest, bold) ?? [text];
  return {
    lines: lines.map((line) => fitText(line, maxWidth, smallest, bold)),
    size: smallest,
    whole: false,
  };
}

/** The ways running text can name an actor, longest first: its full name, its short name, its code. */
function nameForms(actor: MapActor, bold: boolean): string[] {
  const forms = [
    displayName(actor, bold),
    actor.short ? cleanText(actor.short, bold) : '',
    cleanText(actor.code, bold),
  ];
  return [...new Set(forms.filter((form) => form !== ''))];
}

/** Every choice of one form per actor, those that keep the most of the names first. */
function formChoices(counts: readonly number[]): number[][] {
  let choices: number[][] = [[]];
  for (const count of counts)
    choices = choices.flatMap((c) => Array.from({ length: count }, (_, i) => [...c, i]));
  const sum = (c: number[]) => c.reduce((a, b) => a + b, 0);
  return choices.sort((x, y) => sum(x) - sum(y) || Math.max(...x) - Math.max(...y));
}

/**
 * A sentence about actors that fits one line of `maxWidth`: each actor named as fully as the room allows (full
 * name, short name, code), trying each of `sentences` (the preferred wording first) with every choice of names.
 * Only when not even the codes fit the last wording is the text cut.
 */
export function namedText(
  actors: readonly MapActor[],
  sentences: readonly ((names: string[]) => string)[],
  maxWidth: number,
  size: number,
  bold = false,
): string {
  const forms = actors.map((actor) => nameForms(actor, bold));
  const choices = formChoices(forms.map((f) => f.length));
  const named = (choice: number[]) => choice.map((form, i) => forms[i]?.[form] ?? '?');
  for (const sentence of sentences) {
    for (const choice of choices) {
      const text = sentence(named(choice));
      if (textWidth(text, size, bold) <= maxWidth) return text;
    }
  }
  const last = sentences.at(-1);
  const shortest = choices.at(-1) ?? [];
  return last ? fitText(last(named(shortest)), maxWidth, size, bold) : '';
}
