// The one place that fits text into Discord's limits: cut at a word boundary with an ellipsis (truncate), split
// into pages without losing any (paginate), and pack blocks into as few chunks as fit (pack). No cut splits a
// markdown pair: a pair open at the cut is closed after the ellipsis, and reopened on the next page.
import { codePoints } from './limits.ts';

export const ELLIPSIS = '…';
/** Pages smaller than this (only in tests: Discord's limits are far larger) are cut without closing pairs. */
const MIN_PAIRED_ROOM = 16;

/** Discord's paired inline markers, longest first so `**` is read as one marker, not two `*`. */
const MARKERS = ['**', '__', '~~', '||', '*', '_', '`'] as const;
const TRAILING_MARKERS = /(?<!\\)(?:\\\\)*[*_~|`]+$/;

/**
 * The markers `text` leaves open, outermost first. A backslash escapes the next character; inside `code` other
 * markers are literal.
 */
export function openMarkers(text: string): string[] {
  const open: string[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
      continue;
    }
    const inCode = open[open.length - 1] === '`';
    const marker = MARKERS.find((m) => text.startsWith(m, i));
    if (!marker || (inCode && marker !== '`')) continue;
    const at = open.lastIndexOf(marker);
    if (at >= 0) open.splice(at, open.length - at);
    else open.push(marker);
    i += marker.length - 1;
  }
  return open;
}

/** What closes the markers `text` leaves open, innermost first. */
function closers(text: string): string {
  return openMarkers(text).reverse().join('');
}

/** Removes markers left dangling at the end of a cut (half of a `**`, an opening `_` with nothing after it). */
function withoutTrailingMarkers(cut: string): string {
  const m = TRAILING_MARKERS.exec(cut);
  if (!m) return cut;
  const keep = m[0].replace(/[*_~|`]+$/, '');
  return cut.slice(0, m.index) + keep;
}

/**
 * At most `max` code points; a cut text ends at a word boundary with an ellipsis, and closes the markdown pairs
 * it leaves open (`_a long meaning…_`).
 */
export function truncate(text: string, max: number): string {
  if (codePoints(text) <= max) return text;
  let room = max - codePoints(ELLIPSIS);
  for (;;) {
    let cut = sliceCodePoints(text, Math.max(0, room));
    const space = cut.search(/\s\S*$/);
    if (space > cut.length / 2) cut = cut.slice(0, space);
    cut = withoutTrailingMarkers(cut.trimEnd()).trimEnd();
    const close = closers(cut);
    const out = `${cut}${ELLIPSIS}${close}`;
    if (codePoints(out) <= max || room <= 0) return codePoints(out) <= max ? out : ELLIPSIS.slice(0, max);
    room -= codePoints(out) - max;
  }
}

/**
 * Splits text into chunks of at most `max` code points, preferring paragraph breaks, then line breaks, then
 * spaces. A chunk that continues on the next one ends with an ellipsis, and the next one starts with one (and
 * reopens the markdown pairs the cut closed). `firstMax` lets the first chunk be shorter (it shares its page).
 */
export function paginate(text: string, max: number, firstMax = max): string[] {
  const chunks: string[] = [];
  let rest = text;
  let limit = firstMax;
  let reopen = '';
  let continued = false;
  const paired = Math.min(max, firstMax) >= MIN_PAIRED_ROOM;
  while (rest.length > 0) {
    const lead = continued ? `${ELLIPSIS}${reopen}` : '';
    let room = limit - codePoints(lead);
    if (codePoints(rest) <= room) {
      chunks.push(lead + rest);
      break;
    }
    for (;;) {
      const head = sliceCodePoints(rest, Math.max(1, room - codePoints(ELLIPSIS)));
      const at = breakPoint(head);
      const piece = rest.slice(0, at).trimEnd();
      const after = rest.slice(at).replace(/^\s+/, '');
      // Only white space left after the cut: nothing continues, so no ellipsis.
      if (after.length === 0) {
        chunks.push(lead + piece);
        rest = '';
        break;
      }
      const open = paired ? openMarkers(reopen + piece) : [];
      const close = [...open].reverse().join('');
      const chunk = `${lead}${piece}${ELLIPSIS}${close}`;
      if (codePoints(chunk) > limit && room > 2) {
        room -= codePoints(chunk) - limit;
        continue;
      }
      chunks.push(chunk);
      rest = after;
      reopen = open.join('');
      break;
    }
    continued = true;
    limit = max;
  }
  return chunks;
}

/**
 * Joins blocks with `separator` into chunks of at most `max` code points. A block too big for one chunk is split
 * across chunks (`oversized: 'split'`, nothing lost) or cut to fit (`'cut'`: one line per actor, never split
 * inside a name).
 */
export function pack(
  blocks: readonly string[],
  max: number,
  options: { separator: string; oversized: 'split' | 'cut' },
): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const block of blocks) {
    const piece = options.oversized === 'cut' ? truncate(block, max) : block;
    const joined = current ? `${current}${options.separator}${piece}` : piece;
    if (codePoints(joined) <= max) {
      current = joined;
      continue;
    }
    if (current) chunks.push(current);
    current = '';
    if (codePoints(piece) <= max) {
      current = piece;
    } else {
      const pieces = paginate(piece, max);
      chunks.push(...pieces.slice(0, -1));
      current = pieces[pieces.length - 1] ?? '';
    }
  }
  if (current || chunks.length === 0) chunks.push(current);
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
