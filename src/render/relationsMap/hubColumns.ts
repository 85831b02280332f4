// Stacks category groups into the two side columns of a hub map: how tall each column is, where to
// split between them, and how many rows each group gets when not everything fits.
import { pillHeight } from './draw.ts';
import type { MapActor } from './model.ts';
import type { NameLabel } from './nameLabel.ts';
import type { Category } from './prepare.ts';

export const HEADER_HEIGHT = 35;
const HEADER_BEFORE = 14;
const HEADER_AFTER = 8;
export const ROW_HEIGHT = 46;
const ROW_GAP = 8;
/** Splitting a group across the two columns costs a repeated header and reads worse, so it must earn it. */
const SPLIT_PENALTY = 2 * (ROW_HEIGHT + ROW_GAP);

export interface Group {
  category: Category;
  actors: MapActor[];
  /** How each actor's name is drawn, in the order of `actors`. */
  labels: NameLabel[];
}

export type Row =
  | { kind: 'actor'; actor: MapActor; label: NameLabel }
  | { kind: 'more'; count: number; namesShown: boolean };

export function rowHeight(row: Row): number {
  return row.kind === 'actor' ? pillHeight(row.label.lines.length, row.label.size, ROW_HEIGHT) : ROW_HEIGHT;
}

export type Entry =
  | { kind: 'header'; group: number; continued: boolean }
  | { kind: 'row'; group: number; row: Row };

function rowsFor(group: Group, allowed: number): Row[] {
  const row = (actor: MapActor, i: number): Row => ({
    kind: 'actor',
    actor,
    label: group.labels[i] ?? { lines: [actor.code], size: 16, whole: false },
  });
  if (allowed >= group.actors.length) return group.actors.map(row);
  const shown = Math.max(allowed - 1, 0);
  return [
    ...group.actors.slice(0, shown).map(row),
    { kind: 'more', count: group.actors.length - shown, namesShown: shown > 0 },
  ];
}

export function entriesFor(groups: Group[], allocation: number[]): Entry[] {
  const entries: Entry[] = [];
  groups.forEach((group, index) => {
    const allowed = allocation[index] ?? 0;
    if (allowed === 0) return;
    entries.push({ kind: 'header', group: index, continued: false });
    for (const row of rowsFor(group, allowed)) entries.push({ kind: 'row', group: index, row });
  });
  return entries;
}

/** Top offsets of each entry within its column, and the column height. */
export function stack(entries: Entry[]): { tops: number[]; height: number } {
  const tops: number[] = [];
  let y = 0;
  entries.forEach((entry, i) => {
    if (entry.kind === 'header') {
      if (i > 0) y += HEADER_BEFORE;
      tops.push(y);
      y += HEADER_HEIGHT + HEADER_AFTER;
    } else {
      tops.push(y);
      y += rowHeight(entry.row) + ROW_GAP;
    }
  });
  const last = entries.at(-1);
  return { tops, height: last?.kind === 'row' ? y - ROW_GAP : y };
}

export interface Split {
  left: Entry[];
  right: Entry[];
  height: number;
}

/** The split of the entries into two columns with the lowest cost that fits, if any does. */
export function bestSplit(entries: Entry[], capacity: number, allowInside = true): Split | undefined {
  let best: { split: Split; cost: number } | undefined;
  for (let s = entries.length; s >= 1; s--) {
    const next = entries[s];
    const previous = entries[s - 1];
    const inside = next?.kind === 'row';
    if (inside && (!allowInside || previous?.kind === 'header')) continue;
    const left = entries.slice(0, s);
    const right: Entry[] = [
      ...(next?.kind === 'row' ? [{ kind: 'header' as const, group: next.group, continued: true }] : []),
      ...entries.slice(s),
    ];
    const height = Math.max(stack(left).height, stack(right).height);
    if (height > capacity) continue;
    const cost = height + (inside ? SPLIT_PENALTY : 0);
    if (!best || cost < best.cost) best = { split: { left, right, height }, cost };
  }
  return best?.split;
}

export interface Allocation {
  rows: number[];
  /** Whether a group may continue from one column into the other. */
  allowInside: boolean;
}

/**
 * Hands out rows round-robin so a crowded map shows a few names from every category. When cutting
 * anyway, groups stay whole in one column unless there is a single group to spread over both.
 */
export function allocate(groups: Group[], capacity: number): Allocation {
  const full = groups.map((g) => g.actors.length);
  if (bestSplit(entriesFor(groups, full), capacity)) return { rows: full, allowInside: true };
  const allowInside = groups.length < 2;
  const allocation = groups.map(() => 0);
  const frozen = groups.map(() => false);
  let changed = true;
  while (changed) {
    changed = false;
    groups.forEach((group, i) => {
      if (frozen[i] || (allocation[i] ?? 0) >= group.actors.length) return;
      const trial = allocation.map((n, j) => (j === i ? n + 1 : n));
      if (bestSplit(entriesFor(groups, trial), capacity, allowInside)) {
        allocation[i] = trial[i] ?? 0;
        changed = true;
      } else {
        frozen[i] = true;
      }
    });
  }
  return { rows: allocation, allowInside };
}
