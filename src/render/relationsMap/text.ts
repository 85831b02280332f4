// Text helpers for the picture: make user text drawable with the bundled font, measure it, and shorten it to a
// width so labels never run into each other. Measuring is skia's (through @napi-rs/canvas, which shapes with
// HarfBuzz and applies the font's kerning), the same engine that draws, so a measured label is the drawn label.
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { canvasFont, hasGlyph } from './fonts.ts';
import { TYPE } from './style.ts';

const ELLIPSIS = '…';

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
const SPACE_LIKE = /[\p{Cc}\p{Zs}\p{Zl}\p{Zp}]/u;
const INVISIBLE_FORMAT = /\p{Cf}/u;

function isSurrogate(cp: number): boolean {
  return cp >= 0xd800 && cp <= 0xdfff;
}

/**
 * The drawable form of a label: controls become spaces, invisible format characters and anything the font
 * has no glyph for (emoji, flags, scripts DejaVu lacks) are dropped, because skia would otherwise draw them
 * with whatever fallback font the host has, or as empty boxes.
 */
export function cleanText(text: string, bold = false): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const cp = ch.codePointAt(0) ?? 0;
    if (SPACE_LIKE.test(ch)) out += ' ';
    else if (isSurrogate(cp) || INVISIBLE_FORMAT.test(ch)) continue;
    else if (hasGlyph(cp, bold)) out += ch;
  }
  return out.replace(/ {2,}/g, ' ').trim();
}

let measuring: SKRSContext2D | undefined;
let measuringFont = '';
/** Layouts measure the same few strings many times over (fitting, wrapping); bounded so it cannot grow. */
const widths = new Map<string, number>();
const WIDTHS_KEPT = 20_000;

export function textWidth(text: string, size: number, bold = false): number {
  const key = `${size}${bold ? 'b' : 'r'}${text}`;
  const known = widths.get(key);
  if (known !== undefined) return known;
  measuring ??= createCanvas(1, 1).getContext('2d');
  const font = canvasFont(size, bold);
  if (font !== measuringFont) {
    measuring.font = font;
    measuringFont = font;
  }
  const width = measuring.measureText(text).width;
  if (widths.size >= WIDTHS_KEPT) widths.clear();
  widths.set(key, width);
  return width;
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

/** A name fitted into a line of the map's running text (summary size unless given). */
export function fitSummary(
  text: string,
  maxWidth: number,
  size: number = TYPE.summary,
  bold = false,
): string {
  return fitText(text, maxWidth, size, bold);
}
