// Packs pills into lines like words in a paragraph, and shares a limited number of lines between
// groups so that a crowded section ends each group with "+N more" instead of overflowing.
import type { Shape } from './scene.ts';

export interface FlowItem {
  width: number;
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

export function linesNeeded(items: FlowItem[], width: number): number {
  return wrapLines(items, width).length;
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

/** Lines per group: everything when it fits, else round-robin so each group gets a fair share. */
export function allocateLines(needed: number[], capacity: number): number[] {
  if (needed.reduce((a, b) => a + b, 0) <= capacity) return needed;
  const given = needed.map(() => 0);
  let left = Math.max(capacity, 0);
  while (left > 0) {
    let progressed = false;
    for (let i = 0; i < needed.length && left > 0; i++) {
      if ((given[i] ?? 0) < (needed[i] ?? 0)) {
        given[i] = (given[i] ?? 0) + 1;
        left--;
        progressed = true;
      }
    }
    if (!progressed) break;
  }
  return given;
}
