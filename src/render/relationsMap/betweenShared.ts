// The lower half of a 'between' map: actors both sides list, grouped by the category they share, then
// those the two list differently. Names are drawn as in every other map (actorPill.ts): whole, wrapped or
// short, never cut where the picture can hold them. The picture grows to hold every group; only past its
// tallest are lines shared out so a crowded map ends groups with "+N more".
import { actorPill, actorPillHeight, actorPillLabel, actorPillWidth } from './actorPill.ts';
import { chip, chipWidth, type PillSpec, pill, pillWidth } from './draw.ts';
import type { FlowItem } from './flow.ts';
import { allocateLines, FLOW_GAP, lineHeight, lineHeights, packLines } from './flow.ts';
import type { MapActor, RelationsMapModel } from './model.ts';
import { namedText } from './nameLabel.ts';
import type { Category } from './prepare.ts';
import { actorLookup, distinctEdges } from './prepare.ts';
import type { Shape } from './scene.ts';
import { CANVAS, CENTER_X, COLOURS, RIGHT_EDGE, TYPE } from './style.ts';
import { cleanText, fitSummary, fitText, textWidth } from './text.ts';

type BetweenModel = Extract<RelationsMapModel, { kind: 'between' }>;

const HEADING_HEIGHT = 36;
const SECTION_GAP = 12;
/** A pill whose name takes one line; a wrapped name makes it taller. */
const LINE_HEIGHT = 44;
const LINE_GAP = 8;
/** Room kept under the sections for the line that counts the groups left out. */
const NOTE_HEIGHT = LINE_HEIGHT + LINE_GAP;

type PillLook = Omit<PillSpec, 'x' | 'cy' | 'text' | 'size' | 'height'>;

/** One pill of the flow: its width for packing, and how to draw it where the line puts it. */
function pillItem(text: string, look: PillLook): FlowItem {
  return {
    width: pillWidth(text, TYPE.name, look.bold),
    height: LINE_HEIGHT,
    draw: (x, cy) => pill({ x, cy, text, size: TYPE.name, height: LINE_HEIGHT, ...look }),
  };
}

/** An actor's pill no wider than `maxWidth`, as the hub maps draw it. */
function actorItem(actor: MapActor, colour: string, maxWidth: number): FlowItem {
  const label = actorPillLabel(actor, maxWidth);
  const height = actorPillHeight(label, LINE_HEIGHT);
  return {
    width: actorPillWidth(actor, label),
    height,
    draw: (x, cy) => actorPill({ actor, label, x, cy, height, colour }),
  };
}

const DOT_RADIUS = 8;
const DOT_SIZE = 20;

/**
 * An actor the two list differently: its pill (no wider than `pillMax`), then a colour dot and category name
 * for each side, all within `lineMax`.
 */
function splitItem(
  actor: MapActor,
  fromA: Category,
  fromB: Category,
  pillMax: number,
  lineMax: number,
): FlowItem {
  const labelA = fitSummary(cleanText(fromA.name) || '?', 160, DOT_SIZE);
  const labelB = fitSummary(cleanText(fromB.name) || '?', 160, DOT_SIZE);
  const tail = (label: string) => 14 + 2 * DOT_RADIUS + 6 + textWidth(label, DOT_SIZE);
  const tails = tail(labelA) + tail(labelB);
  const name = actorItem(actor, COLOURS.notListed, Math.min(pillMax, lineMax - tails));
  return {
    width: name.width + tails,
    height: name.height,
    draw: (x, cy) => {
      const shapes = name.draw(x, cy);
      let cursor = x + name.width;
      for (const [category, label] of [
        [fromA, labelA],
        [fromB, labelB],
      ] as const) {
        cursor += 14;
        shapes.push({ kind: 'circle', cx: cursor + DOT_RADIUS, cy, r: DOT_RADIUS, fill: category.colour });
        cursor += 2 * DOT_RADIUS + 6;
        shapes.push({
          kind: 'text',
          x: cursor,
          y: cy + DOT_SIZE * 0.36,
          size: DOT_SIZE,
          fill: COLOURS.muted,
          runs: [{ text: label }],
        });
        cursor += textWidth(label, DOT_SIZE);
      }
      return shapes;
    },
  };
}

interface SharedGroup {
  /** Set for groups of the same-category section. */
  category?: Category;
  items: FlowItem[];
}

interface Section {
  heading: string;
  groups: SharedGroup[];
}

export interface Shared {
  sections: Section[];
  /** Width of the category chips left of the same-category groups. */
  chipColumn: number;
  actors: MapActor[];
}

/** Where a group's pills start: right of its category chip, or at the margin. */
function lineStart(shared: Shared, group: SharedGroup): number {
  return group.category ? CANVAS.margin + shared.chipColumn + 16 : CANVAS.margin;
}

function lineWidth(shared: Shared, group: SharedGroup): number {
  return RIGHT_EDGE - lineStart(shared, group);
}

/** No pill is wider than half a line, so a long name wraps (as in the hub maps) rather than fill a line alone. */
function pillLimit(width: number): number {
  return (width - FLOW_GAP) / 2;
}

export function sharedGroups(model: BetweenModel, categories: Category[]): Shared {
  const lookup = actorLookup(model);
  const edges = distinctEdges(model.edges);
  const pair = new Set([model.a.code, model.b.code]);
  const listedBy = (from: string) => {
    const byActor = new Map<string, Category[]>();
    for (const category of categories) {
      for (const e of edges) {
        if (e.from !== from || pair.has(e.to) || e.category !== category.name) continue;
        byActor.set(e.to, [...(byActor.get(e.to) ?? []), category]);
      }
    }
    return byActor;
  };
  const fromA = listedBy(model.a.code);
  const fromB = listedBy(model.b.code);
  const order = [...new Set(edges.filter((e) => e.from === model.a.code).map((e) => e.to))];
  const shared = order.filter((code) => fromA.has(code) && fromB.has(code));

  const sameIn = (category: Category) =>
    shared.filter((code) => fromA.get(code)?.includes(category) && fromB.get(code)?.includes(category));
  const chipColumn = Math.min(
    300,
    Math.max(
      0,
      ...categories.filter((c) => sameIn(c).length > 0).map((c) => chipWidth(cleanText(c.name, true) || '?')),
    ),
  );
  const sameWidth = RIGHT_EDGE - (CANVAS.margin + chipColumn + 16);
  const same = categories
    .map((category) => ({
      category,
      items: sameIn(category).map((code) => actorItem(lookup(code), category.colour, pillLimit(sameWidth))),
    }))
    .filter((g) => g.items.length > 0);

  const differWidth = RIGHT_EDGE - CANVAS.margin;
  const differ = shared.flatMap((code) => {
    const a = fromA.get(code) ?? [];
    const b = fromB.get(code) ?? [];
    const [ca] = a;
    const [cb] = b;
    if (!ca || !cb || a.some((c) => b.includes(c))) return [];
    return [splitItem(lookup(code), ca, cb, pillLimit(differWidth), differWidth)];
  });
  const sections: Section[] = [
    { heading: 'Both list in the same category', groups: same },
    {
      heading: namedText(
        [model.a, model.b],
        [([a, b]) => `Both list, differently (${a} / ${b})`],
        differWidth,
        TYPE.header,
        true,
      ),
      groups: differ.length > 0 ? [{ items: differ }] : [],
    },
  ];
  return {
    sections: sections.filter((s) => s.groups.length > 0),
    chipColumn,
    actors: shared.map(lookup),
  };
}

function moreItem(count: number): FlowItem {
  return pillItem(`+${count} more`, {
    border: COLOURS.notListed,
    fill: COLOURS.background,
    textFill: COLOURS.muted,
    bold: true,
    dashed: true,
  });
}

/** Pixels taken by headings and the gaps between sections, which are not shared out. */
function fixedHeight(count: number): number {
  return count * HEADING_HEIGHT + Math.max(count - 1, 0) * SECTION_GAP;
}

function groupLineHeights(shared: Shared, sections: Section[]): number[][] {
  return sections.flatMap((s) => s.groups).map((g) => lineHeights(g.items, lineWidth(shared, g)));
}

/** The height the sections take with every actor shown: the picture grows to this where it can. */
export function sectionsHeight(shared: Shared): number {
  const { sections } = shared;
  if (sections.length === 0) return 2 * LINE_HEIGHT;
  const lines = groupLineHeights(shared, sections).flat();
  return fixedHeight(sections.length) + lines.reduce((sum, h) => sum + h + LINE_GAP, 0) - LINE_GAP;
}

/** Draws the sections between `top` and `bottom`. */
export function sectionsShapes(model: BetweenModel, shared: Shared, top: number, bottom: number): Shape[] {
  const shapes: Shape[] = [];
  const { sections } = shared;
  if (sections.length === 0) {
    const empty = model.edges.length === 0;
    shapes.push({
      kind: 'text',
      x: CENTER_X,
      y: (top + bottom) / 2 + 10,
      size: empty ? TYPE.message : TYPE.legend,
      anchor: 'middle',
      fill: COLOURS.muted,
      runs: [{ text: empty ? 'No relationships listed' : 'No other actor is listed by both' }],
    });
    return shapes;
  }

  // Height for the lines of the sections; a section that would get no line at all gives its heading back.
  const capacity = (list: Section[]) => bottom - top - fixedHeight(list.length) + LINE_GAP;
  const share = (list: Section[]) => {
    const heights = groupLineHeights(shared, list);
    const lines = allocateLines(heights, capacity(list), LINE_GAP);
    // A group left out entirely is reported on a line of its own, so that room is taken from the pills.
    return lines.includes(0) ? allocateLines(heights, capacity(list) - NOTE_HEIGHT, LINE_GAP) : lines;
  };
  let allocation = share(sections);
  const last = sections.at(-1);
  if (sections.length > 1 && last && allocation.slice(-last.groups.length).every((n) => n === 0)) {
    allocation = [...share(sections.slice(0, -1)), ...last.groups.map(() => 0)];
  }

  let y = top;
  let index = 0;
  let hiddenGroups = 0;
  let hiddenActors = 0;
  let drawnSections = 0;
  for (const section of sections) {
    const first = index;
    index += section.groups.length;
    if (allocation.slice(first, index).every((lines) => lines === 0)) {
      hiddenGroups += section.groups.length;
      hiddenActors += section.groups.reduce((sum, g) => sum + g.items.length, 0);
      continue;
    }
    if (drawnSections++ > 0) y += SECTION_GAP;
    shapes.push({
      kind: 'text',
      x: CANVAS.margin,
      y: y + 26,
      size: TYPE.header,
      bold: true,
      fill: COLOURS.text,
      runs: [{ text: fitText(section.heading, RIGHT_EDGE - CANVAS.margin, TYPE.header, true) }],
    });
    y += HEADING_HEIGHT;
    section.groups.forEach((group, g) => {
      const lines = allocation[first + g] ?? 0;
      if (lines === 0) {
        hiddenGroups++;
        hiddenActors += group.items.length;
        return;
      }
      const x0 = lineStart(shared, group);
      const packed = packLines(group.items, lineWidth(shared, group), lines, moreItem);
      if (group.category) {
        const label = fitText(
          cleanText(group.category.name, true) || '?',
          shared.chipColumn - chipWidth(''),
          TYPE.header,
          true,
        );
        const firstLine = lineHeight(packed[0] ?? []);
        shapes.push(...chip(CANVAS.margin, y + firstLine / 2, label, group.category.colour));
      }
      for (const line of packed) {
        const height = lineHeight(line);
        let x = x0;
        for (const item of line) {
          shapes.push(...item.draw(x, y + height / 2));
          x += item.width + FLOW_GAP;
        }
        y += height + LINE_GAP;
      }
    });
  }
  if (hiddenGroups > 0) {
    shapes.push({
      kind: 'text',
      x: CANVAS.margin,
      y: y + LINE_HEIGHT / 2 + TYPE.summary * 0.36,
      size: TYPE.summary,
      fill: COLOURS.muted,
      runs: [
        { text: `+${hiddenActors} more in ${hiddenGroups} more ${hiddenGroups === 1 ? 'group' : 'groups'}` },
      ],
    });
  }
  return shapes;
}
