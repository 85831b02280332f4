// Fits text into Discord's limits without losing any: cut at a word boundary with an ellipsis, and what does
// not fit goes on the next page.
import { codePoints } from './limits.ts';

export const ELLIPSIS = '…';

/** At most `max` code points; a cut text ends at a word boundary with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (codePoints(text) <= max) return text;
  const chars = Array.from(text).slice(0, Math.max(0, max - 1));
  let cut = chars.join('');
  const space = cut.search(/\s\S*$/);
  if (space > cut.length / 2) cut = cut.slice(0, space);
  return `${cut.trimEnd()}${ELLIPSIS}`;
}

/**
 * Splits text into chunks of at most `max` code points, preferring paragraph breaks, then line breaks, then
 * spaces. A chunk that continues on the next one ends with an ellipsis, and the next one starts with one.
 * `firstMax` lets the first chunk be shorter (it shares its page with other content).
 */
export function paginate(text: string, max: number, firstMax = max): string[] {
  const chunks: string[] = [];
  let rest = text;
  let limit = firstMax;
  let continued = false;
  while (rest.length > 0) {
    const lead = continued ? ELLIPSIS : '';
    const room = limit - codePoints(lead);
    if (codePoints(rest) <= room) {
      chunks.push(lead + rest);
      break;
    }
    const head = sliceCodePoints(rest, room - 1);
    const at = breakPoint(head);
    const piece = rest.slice(0, at).trimEnd();
    rest = rest.slice(at).replace(/^\s+/, '');
    // Only white space left after the cut: nothing continues, so no ellipsis.
    chunks.push(`${lead}${piece}${rest.length > 0 ? ELLIPSIS : ''}`);
    continued = true;
    limit = max;
  }
  return chunks;
}

/** Where to cut `head` (a prefix of the text): the last paragraph, line or word break in its second half. */
function breakPoint(head: string): number {
  const half = head.length / 2;
  for (const re of [/\n\n(?![\s\S]*\n\n)/, /\n(?![\s\S]*\n)/, /\s(?![\s\S]*\s)/]) {
    const m = re.exec(head);
    if (m && m.index > half) return m.index;
  }
  // A single word longer than half the room: cut inside it rather than produce an empty page, but never
  // between an escaping backslash and what it escapes (an odd run of backslashes ends with one; an even run
  // is escaped backslashes, whole).
  const backslashes = head.length - head.replace(/\\+$/, '').length;
  const end = backslashes % 2 === 1 ? head.length - 1 : head.length;
  return Math.max(1, end);
}

function sliceCodePoints(text: string, n: number): string {
  let out = '';
  let i = 0;
  for (const ch of text) {
    if (i++ >= n) break;
    out += ch;
  }
  return out;
}
