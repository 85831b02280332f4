// "+42 words, −10 words": how much a text grew and shrank, counted as a multiset of words so that moving a
// sentence counts as nothing and rewording counts both ways.
import type { WordDelta } from './changeSet.ts';

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

function counts(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const w of text.toLowerCase().match(WORD) ?? []) out.set(w, (out.get(w) ?? 0) + 1);
  return out;
}

export function wordDelta(before: string, after: string): WordDelta {
  const a = counts(before);
  const b = counts(after);
  let added = 0;
  let removed = 0;
  for (const [w, n] of b) added += Math.max(0, n - (a.get(w) ?? 0));
  for (const [w, n] of a) removed += Math.max(0, n - (b.get(w) ?? 0));
  return { added, removed };
}

export function formatWordDelta({ added, removed }: WordDelta): string {
  const part = (sign: string, n: number) => `${sign}${n} ${n === 1 ? 'word' : 'words'}`;
  const parts = [];
  if (added > 0) parts.push(part('+', added));
  if (removed > 0) parts.push(part('−', removed));
  return parts.join(', ') || 'wording only';
}
