// The lower half of a 'between' map: actors both sides list, grouped by the category they share, then
// those the two list differently. Lines are shared out so a crowded map ends groups with "+N more".
import { chip, chipWidth, type PillSpec, pill, pillWidth } from './draw.ts';
import type { FlowItem } from './flow.ts';
import { allocateLines, FLOW_GAP, linesNeeded, packLines } from './flow.ts';
import type { MapActor, RelationsMapModel } from './model.ts';
import type { Category } from './prepare.ts';
import { actorLookup, displayName, distinctEdges } from './prepare.ts';
import type { Shape } from './scene.ts';
import { CANVAS, CENTER_X, COLOURS, RIGHT_EDGE, TYPE } from './style.ts';
import { cleanText, fitSummary, fitText, textWidth } from './text.ts';

type BetweenModel = Extract<RelationsMapModel, { kind: 'between' }>;

const HEADING_HEIGHT = 36;
const SECTION_GAP = 12;
const LINE_HEIGHT = 44;
const LINE_GAP = 8;

type PillLook = Omit<PillSpec, 'x' | 'cy' | 'text' | 'size' | 'height'>;

/** One pill of the flow: its width for packing, and how to draw it where the line puts it. */
function pillItem(text: string, look: PillLook): FlowItem {
  return {
    width: pillWidth(text, TYPE.name, look.bold),
    draw: (x, cy) => pill({ x, cy, text, size: TYPE.name, height: LINE_HEIGHT, ...look }),
  };
}

function actorItem(actor: MapActor, colour: string, maxWidth: number): FlowItem {
  return pillItem(fitText(displayName(actor), maxWidth - pillWidth('', TYPE.name), TYPE.name), {
    border: colour,
    fill: actor.hasProfile ? COLOURS.pill : COLOURS.noProfileFill,
    textFill: actor.hasProfile ? COLOURS.text : COLOURS.noProfileText,
    title: actor.name,
  });
}

const DOT_RADIUS = 8;
const DOT_SIZE = 20;

/** An actor the two list differently: the name, then a colour dot and category name for each side. */
function splitItem(actor: MapActor, fromA: Category, fromB: Category, maxWidth: number): FlowItem {
  const labelA = fitSummary(cleanText(fromA.name) || '?', 160, DOT_SIZE);
  const labelB = fitSummary(cleanText(fromB.name) || '?', 160, DOT_SIZE);
  const tail = (label: string) => 14 + 2 * DOT_RADIUS + 6 + textWidth(label, DOT_SIZE);
  const tails = tail(labelA) + tail(labelB);
  const name = fitText(displayName(actor), maxWidth - 32 - tails, TYPE.name);
  const nameWidth = textWidth(name, TYPE.name);
  return {
    width: 32 + nameWidth + tails,
    draw: (x, cy) => {
      const shapes: Shape[] = [
        {
          kind: 'rect',
          x,
          y: cy - LINE_HEIGHT / 2,
          w: 32 + nameWidth + tails,
          h: LINE_HEIGHT,
          r: LINE_HEIGHT / 2,
          fill: actor.hasProfile ? COLOURS.pill : COLOURS.noProfileFill,
          stroke: COLOURS.notListed,
          strokeWidth: 2.5,
        },
        {
          // Centred on its measured box, measured by the same shaper that draws it.
          kind: 'text',
          x: x + 16 + nameWidth / 2,
          y: cy + TYPE.name * 0.36,
          size: TYPE.name,
          anchor: 'middle',
          fill: actor.hasProfile ? COLOURS.text : COLOURS.noProfileText,
          runs: [{ text: name }],
          title: actor.name,
        },
      ];
      let cursor = x + 16 + nameWidth;
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

export interface Shared {
  same: SharedGroup[];
  differ: SharedGroup[];
  actors: MapActor[];
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

  const chipColumn = Math.min(
    300,
    Math.max(0, ...categories.map((c) => chipWidth(cleanText(c.name, true) || '?'))),
  );
  const sameWidth = RIGHT_EDGE - (CANVAS.margin + chipColumn + 16);
  const same = categories
    .map((category) => ({
      category,
      items: shared
        .filter((code) => fromA.get(code)?.includes(category) && fromB.get(code)?.includes(category))
        .map((code) => actorItem(lookup(code), category.colour, sameWidth)),
    }))
    .filter((g) => g.items.length > 0);

  const differItems = shared.flatMap((code) => {
    const a = fromA.get(code) ?? [];
    const b = fromB.get(code) ?? [];
    const [ca] = a;
    const [cb] = b;
    if (!ca || !cb || a.some((c) => b.includes(c))) return [];
    return [splitItem(lookup(code), ca, cb, RIGHT_EDGE - CANVAS.margin)];
  });
  return { same, differ: differItems.length > 0 ? [{ items: differItems }] : [], actors: shared.map(lookup) };
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

/** Draws the sections between `top` and `bottom`. */
export function sectionsShapes(
  model: BetweenModel,
  { same, differ }: Shared,
  top: number,
  bottom: number,
): Shape[] {
  const shapes: Shape[] = [];
  if (same.length === 0 && differ.length === 0) {
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

  const a = displayName(model.a);
  const b = displayName(model.b);
  const sections = [
    { heading: 'Both list in the same category', groups: same },
    { heading: `Both list, differently (${fitSummary(a, 260)} / ${fitSummary(b, 260)})`, groups: differ },
  ].filter((s) => s.groups.length > 0);
  const chipColumn = Math.min(
    300,
    Math.max(0, ...same.map((g) => chipWidth(cleanText(g.category?.name ?? '', true) || '?'))),
  );
  const widthOf = (g: SharedGroup) =>
    g.category ? RIGHT_EDGE - (CANVAS.margin + chipColumn + 16) : RIGHT_EDGE - CANVAS.margin;

  // Line budget for the sections; a section that would get no line at all gives its heading back.
  const budget = (count: number) => {
    const fixed = count * HEADING_HEIGHT + (count - 1) * SECTION_GAP;
    return Math.floor((bottom - top - fixed + LINE_GAP) / (LINE_HEIGHT + LINE_GAP));
  };
  const share = (list: typeof sections) => {
    const needed = list.flatMap((s) => s.groups).map((g) => linesNeeded(g.items, widthOf(g)));
    const lines = allocateLines(needed, budget(list.length));
    // A group left out entirely is reported on a line of its own, so that line is taken from the pills.
    return lines.includes(0) ? allocateLines(needed, budget(list.length) - 1) : lines;
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
      const x0 = group.category ? CANVAS.margin + chipColumn + 16 : CANVAS.margin;
      const packed = packLines(group.items, widthOf(group), lines, moreItem);
      if (group.category) {
        const label = fitText(
          cleanText(group.category.name, true) || '?',
          chipColumn - chipWidth(''),
          TYPE.header,
          true,
        );
        shapes.push(...chip(CANVAS.margin, y + LINE_HEIGHT / 2, label, group.category.colour));
      }
      for (const line of packed) {
        let x = x0;
        for (const item of line) {
          shapes.push(...item.draw(x, y + LINE_HEIGHT / 2));
          x += item.width + FLOW_GAP;
        }
        y += LINE_HEIGHT + LINE_GAP;
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
