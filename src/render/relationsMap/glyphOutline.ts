// Turns TrueType glyf data into SVG path data: simple glyphs, and composites such as accented letters
// built from a base glyph and a mark.
import { num } from './numbers.ts';

interface Point {
  x: number;
  y: number;
  onCurve: boolean;
}

type Contour = Point[];

/** Path data for a glyph id, in font units with y pointing down and the baseline at 0. */
export function outlineReader(
  buf: Buffer,
  glyf: number,
  loca: number,
  longLoca: boolean,
): (glyph: number) => string {
  const glyphRange = (glyph: number): [number, number] =>
    longLoca
      ? [buf.readUInt32BE(loca + glyph * 4), buf.readUInt32BE(loca + glyph * 4 + 4)]
      : [buf.readUInt16BE(loca + glyph * 2) * 2, buf.readUInt16BE(loca + glyph * 2 + 2) * 2];

  function contours(glyph: number, depth = 0): Contour[] {
    const [start, end] = glyphRange(glyph);
    if (end <= start || depth > 8) return [];
    const at = glyf + start;
    const contourCount = buf.readInt16BE(at);
    return contourCount >= 0 ? simpleContours(at, contourCount) : compositeContours(at, depth);
  }

  function simpleContours(at: number, contourCount: number): Contour[] {
    const endPoints: number[] = [];
    for (let i = 0; i < contourCount; i++) endPoints.push(buf.readUInt16BE(at + 10 + i * 2));
    const pointCount = (endPoints.at(-1) ?? -1) + 1;
    let p = at + 10 + contourCount * 2;
    p += 2 + buf.readUInt16BE(p);
    const flags: number[] = [];
    while (flags.length < pointCount) {
      const flag = buf.readUInt8(p++);
      flags.push(flag);
      if (flag & 8) {
        const repeat = buf.readUInt8(p++);
        for (let r = 0; r < repeat; r++) flags.push(flag);
      }
    }
    const readAxis = (short: number, same: number): number[] => {
      const values: number[] = [];
      let v = 0;
      for (const flag of flags) {
        if (flag & short) {
          const d = buf.readUInt8(p++);
          v += flag & same ? d : -d;
        } else if (!(flag & same)) {
          v += buf.readInt16BE(p);
          p += 2;
        }
        values.push(v);
      }
      return values;
    };
    const xs = readAxis(2, 16);
    const ys = readAxis(4, 32);
    const result: Contour[] = [];
    let first = 0;
    for (const last of endPoints) {
      const contour: Contour = [];
      for (let i = first; i <= last; i++) {
        contour.push({ x: xs[i] ?? 0, y: ys[i] ?? 0, onCurve: ((flags[i] ?? 0) & 1) === 1 });
      }
      result.push(contour);
      first = last + 1;
    }
    return result;
  }

  function compositeContours(at: number, depth: number): Contour[] {
    const result: Contour[] = [];
    let p = at + 10;
    let flags: number;
    do {
      flags = buf.readUInt16BE(p);
      const component = buf.readUInt16BE(p + 2);
      p += 4;
      let dx = 0;
      let dy = 0;
      if (flags & 1) {
        dx = buf.readInt16BE(p);
        dy = buf.readInt16BE(p + 2);
        p += 4;
      } else {
        dx = buf.readInt8(p);
        dy = buf.readInt8(p + 1);
        p += 2;
      }
      // Anchor-point matching (flag 2 unset) is not used by DejaVu's accented letters; treat as no offset.
      if (!(flags & 2)) {
        dx = 0;
        dy = 0;
      }
      let [a, b, c, d] = [1, 0, 0, 1];
      const f2dot14 = (o: number) => buf.readInt16BE(o) / 16384;
      if (flags & 8) {
        a = d = f2dot14(p);
        p += 2;
      } else if (flags & 0x40) {
        a = f2dot14(p);
        d = f2dot14(p + 2);
        p += 4;
      } else if (flags & 0x80) {
        [a, b, c, d] = [f2dot14(p), f2dot14(p + 2), f2dot14(p + 4), f2dot14(p + 6)];
        p += 8;
      }
      for (const contour of contours(component, depth + 1)) {
        result.push(
          contour.map((pt) => ({
            x: a * pt.x + c * pt.y + dx,
            y: b * pt.x + d * pt.y + dy,
            onCurve: pt.onCurve,
          })),
        );
      }
    } while (flags & 0x20);
    return result;
  }

  /** Quadratic contours to path data; consecutive off-curve points imply an on-curve midpoint. */
  function contourPath(contour: Contour): string {
    const n = contour.length;
    if (n === 0) return '';
    const pt = (i: number): Point => contour[((i % n) + n) % n] as Point;
    const mid = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, onCurve: true });
    const firstOn = contour.findIndex((q) => q.onCurve);
    const startIndex = Math.max(firstOn, 0);
    const start = firstOn < 0 ? mid(pt(-1), pt(0)) : pt(firstOn);
    const xy = (q: Point) => `${num(q.x)} ${num(-q.y)}`;
    let d = `M${xy(start)}`;
    let control: Point | undefined = firstOn < 0 ? pt(0) : undefined;
    for (let k = 1; k <= n; k++) {
      const q = pt(startIndex + k);
      const closing = k === n;
      const target = closing ? start : q;
      if (!closing && !q.onCurve) {
        if (control) d += `Q${xy(control)} ${xy(mid(control, q))}`;
        control = q;
        continue;
      }
      d += control ? `Q${xy(control)} ${xy(target)}` : `L${xy(target)}`;
      control = undefined;
    }
    return `${d}Z`;
  }

  return (glyph) => contours(glyph).map(contourPath).join('');
}
