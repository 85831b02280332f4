// Packs pills into lines like words in a paragraph, and shares a limited height between groups so that a
// crowded section ends each group with "+N more" instead of overflowing. A line is as tall as its tallest pill
// (a name wrapped over two lines makes a taller pill).
import type { Shape } from './scene.ts';

export interface FlowItem {
  width: number;
  /** Where lines grow to their tallest item (the between map's pills); rows of one fixed height leave it out. */
  height?: number;
  /** `cy`: the vertical centre of the line. */
  draw(x: number, cy: number): Shape[];
}

export const FLOW_GAP = 12;

/** As many items on each line as fit in `width`, `gap` apart, in order. */
export function wrapLines(items: FlowItem[], width: number, gap = FLOW_GAP): FlowItem[][] {
  const lines: FlowItem[][] = [];
  let line: FlowItem[] = [];
  let used = 0;
  for (const item of items) {
    if (line.length > 0 && used + gap + item.width > width) {
      lines.push(line);
      line = [];
      used = 0;
    }
    used += (line.length > 0 ? gap : 0) + item.width;
    line.push(item);
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

export function lineHeight(line: readonly FlowItem[]): number {
  return Math.max(0, ...line.map((item) => item.height ?? 0));
}

/** The height of each line the items take at this width, all of them shown. */
export function lineHeights(items: FlowItem[], width: number): number[] {
  return wrapLines(items, width).map(lineHeight);
}

/** At most maxLines lines; when items are left over, the last line ends with more(count of the rest). */
export function packLines(
  items: FlowItem[],
  width: number,
  maxLines: number,
  more: (hidden: number) => FlowItem,
): FlowItem[][] {
  const lines = wrapLines(items, width);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, Math.max(maxLines, 0));
  const last = kept.at(-1);
  if (!last) return [];
  let hidden = items.length - kept.reduce((sum, line) => sum + line.length, 0);
  const lineWidth = () => last.reduce((sum, item) => sum + item.width, 0) + FLOW_GAP * last.length;
  while (last.length > 0 && lineWidth() + more(hidden).width > width) {
    last.pop();
    hidden++;
  }
  last.push(more(hidden));
  return kept;
}

/**
 * Lines per group within `capacity` pixels, each line costing its height plus `gap`: everything when it fits,
 * else round-robin so each group gets a fair share.
 */
export function allocateLines(heights: readonly number[][], capacity: number, gap: number): number[] {
  const cost = (group: readonly number[], lines: number) =>
    group.slice(0, lines).reduce((sum, h) => sum + h + gap, 0);
  const total = heights.reduce((sum, group) => sum + cost(group, group.length), 0);
  if (total <= capacity) return heights.map((group) => group.length);
  const given = heights.map(() => 0);
  const full = heights.map(() => false);
  let left = Math.max(capacity, 0);
  while (full.includes(false)) {
    heights.forEach((group, i) => {
      if (full[i]) return;
      const next = group[given[i] ?? 0];
      if (next === undefined || next + gap > left) {
        full[i] = true;
        return;
      }
      given[i] = (given[i] ?? 0) + 1;
      left -= next + gap;
    });
  }
  return given;
}
