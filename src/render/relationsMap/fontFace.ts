// Reads the bundled TrueType files: glyph lookup, advance widths, pair kerning and outlines. Layout uses
// it to size text exactly, and the SVG writer to draw simple text as outlines itself, because resvg
// re-reads the whole font file for every character it lays out (most of its time on a map).
import { readFileSync } from 'node:fs';
import { BOLD_FONT_FILE, REGULAR_FONT_FILE } from './fonts.ts';
import { outlineReader } from './glyphOutline.ts';

export interface FontFace {
  unitsPerEm: number;
  /** 0 when the font has no glyph for the code point. */
  glyphId(codePoint: number): number;
  /** Advance width in font units. */
  advance(glyph: number): number;
  /** Pair adjustment in font units from the classic kern table. */
  kerning(left: number, right: number): number;
  /** SVG path data in font units with y pointing down, baseline at 0. */
  outline(glyph: number): string;
}

function tableOffsets(buf: Buffer): Map<string, number> {
  const tables = new Map<string, number>();
  const count = buf.readUInt16BE(4);
  for (let i = 0; i < count; i++) {
    const record = 12 + i * 16;
    tables.set(buf.toString('latin1', record, record + 4), buf.readUInt32BE(record + 8));
  }
  return tables;
}

function requireTable(tables: Map<string, number>, tag: string): number {
  const offset = tables.get(tag);
  if (offset === undefined) throw new Error(`font has no ${tag} table`);
  return offset;
}

/** Glyph lookup from the Windows Unicode cmap: format 12 when present (covers astral planes), else format 4. */
function glyphLookup(buf: Buffer, cmap: number): (cp: number) => number {
  const subtables = buf.readUInt16BE(cmap + 2);
  let bmp = -1;
  let full = -1;
  for (let i = 0; i < subtables; i++) {
    const rec = cmap + 4 + i * 8;
    const platform = buf.readUInt16BE(rec);
    const encoding = buf.readUInt16BE(rec + 2);
    const offset = cmap + buf.readUInt32BE(rec + 4);
    if (platform === 3 && encoding === 10 && buf.readUInt16BE(offset) === 12) full = offset;
    if (platform === 3 && encoding === 1 && buf.readUInt16BE(offset) === 4) bmp = offset;
  }
  if (full >= 0) {
    const groups = buf.readUInt32BE(full + 12);
    return (cp) => {
      let lo = 0;
      let hi = groups - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const g = full + 16 + mid * 12;
        if (cp < buf.readUInt32BE(g)) hi = mid - 1;
        else if (cp > buf.readUInt32BE(g + 4)) lo = mid + 1;
        else return buf.readUInt32BE(g + 8) + cp - buf.readUInt32BE(g);
      }
      return 0;
    };
  }
  if (bmp < 0) throw new Error('font has no Unicode cmap');
  const segX2 = buf.readUInt16BE(bmp + 6);
  const ends = bmp + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const rangeOffsets = deltas + segX2;
  return (cp) => {
    if (cp > 0xffff) return 0;
    for (let i = 0; i < segX2; i += 2) {
      if (cp > buf.readUInt16BE(ends + i)) continue;
      const start = buf.readUInt16BE(starts + i);
      if (cp < start) return 0;
      const delta = buf.readInt16BE(deltas + i);
      const rangeOffset = buf.readUInt16BE(rangeOffsets + i);
      if (rangeOffset === 0) return (cp + delta) & 0xffff;
      const glyph = buf.readUInt16BE(rangeOffsets + i + rangeOffset + (cp - start) * 2);
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}

/** Format 0 pairs of the first horizontal kern subtable, keyed left << 16 | right. */
function kernPairs(buf: Buffer, tables: Map<string, number>): Map<number, number> {
  const pairs = new Map<number, number>();
  const kern = tables.get('kern');
  if (kern === undefined || buf.readUInt16BE(kern) !== 0) return pairs;
  const sub = kern + 4;
  const coverage = buf.readUInt16BE(sub + 4);
  if (coverage >> 8 !== 0 || (coverage & 1) === 0) return pairs;
  const count = buf.readUInt16BE(sub + 6);
  for (let i = 0; i < count; i++) {
    const p = sub + 14 + i * 6;
    pairs.set((buf.readUInt16BE(p) << 16) | buf.readUInt16BE(p + 2), buf.readInt16BE(p + 4));
  }
  return pairs;
}

function loadFace(file: string): FontFace {
  const buf = readFileSync(file);
  const tables = tableOffsets(buf);
  const head = requireTable(tables, 'head');
  const unitsPerEm = buf.readUInt16BE(head + 18);
  const longLoca = buf.readInt16BE(head + 50) === 1;
  const hMetrics = buf.readUInt16BE(requireTable(tables, 'hhea') + 34);
  const hmtx = requireTable(tables, 'hmtx');
  const outlineOf = outlineReader(buf, requireTable(tables, 'glyf'), requireTable(tables, 'loca'), longLoca);
  const glyphOf = glyphLookup(buf, requireTable(tables, 'cmap'));
  const kerns = kernPairs(buf, tables);

  const glyphMemo = new Map<number, number>();
  const outlineMemo = new Map<number, string>();
  return {
    unitsPerEm,
    glyphId(cp) {
      let glyph = glyphMemo.get(cp);
      if (glyph === undefined) {
        glyph = glyphOf(cp);
        glyphMemo.set(cp, glyph);
      }
      return glyph;
    },
    advance(glyph) {
      return buf.readUInt16BE(hmtx + Math.min(glyph, hMetrics - 1) * 4);
    },
    kerning(left, right) {
      return kerns.get((left << 16) | right) ?? 0;
    },
    outline(glyph) {
      let d = outlineMemo.get(glyph);
      if (d === undefined) {
        d = outlineOf(glyph);
        outlineMemo.set(glyph, d);
      }
      return d;
    },
  };
}

let cached: { regular: FontFace; bold: FontFace } | undefined;

export function fontFace(bold: boolean): FontFace {
  cached ??= { regular: loadFace(REGULAR_FONT_FILE), bold: loadFace(BOLD_FONT_FILE) };
  return bold ? cached.bold : cached.regular;
}
