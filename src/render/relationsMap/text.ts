// Text helpers for the picture: make user text safe for XML and for the bundled font, measure it,
// and shorten it to a width so labels never run into each other.
import { fontFace } from './fontFace.ts';

/** Used for a code point the font lacks; such characters are removed before measuring anyway. */
const FALLBACK_ADVANCE = 0.6;

/**
 * Scripts that need no shaping, reordering or mark placement: left-to-right Latin, Greek and Cyrillic
 * letters, punctuation and symbols. Text made only of these can be drawn glyph by glyph.
 */
const SIMPLE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0020, 0x007e],
  [0x00a0, 0x024f],
  [0x0370, 0x03ff],
  [0x0400, 0x0482],
  [0x048a, 0x04ff],
  [0x1e00, 0x1fff],
  [0x2010, 0x2027],
  [0x2030, 0x205e],
  [0x20a0, 0x20cf],
  [0x2100, 0x22ff],
  [0x25a0, 0x26ff],
];
const ELLIPSIS = '…';

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
const SPACE_LIKE = /[\p{Cc}\p{Zs}\p{Zl}\p{Zp}]/u;
const INVISIBLE_FORMAT = /\p{Cf}/u;

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Characters XML 1.0 forbids outright; one of them would make the whole SVG unreadable. */
function isXmlForbidden(cp: number): boolean {
  return (
    (cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d) ||
    (cp >= 0xd800 && cp <= 0xdfff) ||
    cp === 0xfffe ||
    cp === 0xffff
  );
}

/** Any XML-safe form of a string, for places where the text is kept but not drawn (tooltips). */
export function xmlSafe(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    out += isXmlForbidden(cp) ? ' ' : ch;
  }
  return out;
}

/**
 * The drawable form of a label: controls become spaces, invisible format characters and anything the
 * font has no glyph for (emoji, flags, scripts DejaVu lacks) are dropped, because resvg would draw
 * those as empty boxes.
 */
export function cleanText(text: string, bold = false): string {
  const face = fontFace(bold);
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const cp = ch.codePointAt(0) ?? 0;
    if (SPACE_LIKE.test(ch)) out += ' ';
    else if (isXmlForbidden(cp) || INVISIBLE_FORMAT.test(ch)) continue;
    else if (face.glyphId(cp) !== 0) out += ch;
  }
  return out.replace(/ {2,}/g, ' ').trim();
}

export interface PlacedGlyph {
  glyph: number;
  /** Pen position in font units. */
  x: number;
}

/** Glyphs with advances and pair kerning, in font units; undefined when the text is not simple. */
export function placeGlyphs(
  text: string,
  bold: boolean,
): { glyphs: PlacedGlyph[]; width: number } | undefined {
  const face = fontFace(bold);
  const glyphs: PlacedGlyph[] = [];
  let pen = 0;
  let previous = -1;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const glyph = face.glyphId(cp);
    if (glyph === 0 || !SIMPLE_RANGES.some(([lo, hi]) => cp >= lo && cp <= hi)) return undefined;
    if (previous >= 0) pen += face.kerning(previous, glyph);
    glyphs.push({ glyph, x: pen });
    pen += face.advance(glyph);
    previous = glyph;
  }
  return { glyphs, width: pen };
}

export function textWidth(text: string, size: number, bold = false): number {
  const face = fontFace(bold);
  const placed = placeGlyphs(text, bold);
  if (placed) return (placed.width / face.unitsPerEm) * size;
  let units = 0;
  for (const ch of text) {
    const glyph = face.glyphId(ch.codePointAt(0) ?? 0);
    units += glyph === 0 ? FALLBACK_ADVANCE * face.unitsPerEm : face.advance(glyph);
  }
  return (units / face.unitsPerEm) * size;
}

/** The text itself when it fits, else as many whole graphemes as fit followed by an ellipsis. */
export function fitText(text: string, maxWidth: number, size: number, bold = false): string {
  if (textWidth(text, size, bold) <= maxWidth) return text;
  const budget = maxWidth - textWidth(ELLIPSIS, size, bold);
  let kept = '';
  let width = 0;
  for (const { segment } of graphemes.segment(text)) {
    const w = textWidth(segment, size, bold);
    if (width + w > budget) break;
    kept += segment;
    width += w;
  }
  const trimmed = kept.trimEnd();
  return trimmed === '' ? ELLIPSIS : trimmed + ELLIPSIS;
}

/** Greedy word wrap into at most maxLines lines; the last line is shortened if words remain. */
export function wrapText(
  text: string,
  maxWidth: number,
  size: number,
  bold: boolean,
  maxLines: number,
): string[] {
  const words = text.split(' ').filter((w) => w !== '');
  const lines: string[] = [];
  let current = '';
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    const candidate = current === '' ? word : `${current} ${word}`;
    if (current === '' || textWidth(candidate, size, bold) <= maxWidth) {
      current = candidate;
      continue;
    }
    if (lines.length === maxLines - 1) {
      current = [current, ...words.slice(i)].join(' ');
      break;
    }
    lines.push(current);
    current = word;
  }
  if (current !== '' || lines.length === 0) lines.push(current);
  return lines.map((line) => fitText(line, maxWidth, size, bold));
}
