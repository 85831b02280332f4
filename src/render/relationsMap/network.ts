// The whole network: every profiled actor and those they list, one arrow per listing in the category's colour
// and line style, laid out by force (networkLayout.ts). Profiled actors are dark discs, the others light ones;
// names sit under their disc, the short name where the full one is long, wrapped rather than cut.
import { arrowHead, pill, pillHeight, pillWidth, titleLine } from './draw.ts';
import { flagSvg } from './flags.ts';
import { legend } from './legend.ts';
import type { MapActor, RelationsMapModel } from './model.ts';
import { type NameLabel, nameLabel } from './nameLabel.ts';
import { layoutNetwork } from './networkLayout.ts';
import { num } from './numbers.ts';
import { actorLookup, distinctEdges, resolveCategories } from './prepare.ts';
import type { Scene, Shape } from './scene.ts';
import { CANVAS, COLOURS, polarityStroke, TYPE } from './style.ts';
import { cleanText } from './text.ts';

type NetworkModel = Extract<RelationsMapModel, { kind: 'network' }>;

export const NETWORK_CANVAS = { width: 1200, height: 1350 } as const;
const TOP = 96;
const PROFILED_RADIUS = 24;
const OTHER_RADIUS = 13;
const LABEL_WIDTH = 150;
const LABEL_SIZES = [17, 15, 13] as const;
const LABEL_GAP = 5;
const LABEL_PADDING = 7;
/** Reciprocal listings bend apart so both arrows show. */
const BEND = 16;

interface Node {
  actor: MapActor;
  disc: number;
  label: NameLabel;
  labelHeight: number;
  labelWidth: number;
}

function nodeOf(actor: MapActor): Node {
  const disc = actor.hasProfile ? PROFILED_RADIUS : OTHER_RADIUS;
  const bold = actor.hasProfile;
  const label = nameLabel(actor, LABEL_WIDTH, LABEL_SIZES, bold);
  const labelHeight = pillHeight(label.lines.length, label.size, label.size + 8);
  return {
    actor,
    disc,
    label,
    labelHeight,
    labelWidth: pillWidth(label.lines, label.size, bold, null, LABEL_PADDING),
  };
}

/** The circle a node needs for its disc and the label under it, centred on the disc. */
function roomOf(node: Node): number {
  const below = node.disc + LABEL_GAP + node.labelHeight;
  return Math.max(node.labelWidth / 2, below) + 4;
}

export function networkScene(model: NetworkModel): Scene {
  const { width, height } = NETWORK_CANVAS;
  const categories = resolveCategories(model);
  const colourOf = new Map(categories.map((c) => [c.name, c]));
  const actor = actorLookup(model);
  const edges = distinctEdges(model.edges);
  const codes = [
    ...new Set([...model.actors.map((a) => a.code), ...edges.flatMap((e) => [e.from, e.to])]),
  ].sort();
  const nodes = new Map(codes.map((code) => [code, nodeOf(actor(code))]));

  const profiled = [...nodes.values()].filter((n) => n.actor.hasProfile).length;
  const title = model.only ? ` — ${cleanText(model.only, true) || '?'} only` : '';
  const summary = `${profiled} profiled, ${nodes.size} actors, ${edges.length} listings${model.hidden > 0 ? `, ${model.hidden} more not drawn` : ''}`;
  const shapes: Shape[] = [...titleLine(`Who lists whom${title}`, '', summary)];

  const key = legend(
    { categories, noProfileShown: [...nodes.values()].some((n) => !n.actor.hasProfile) },
    height,
  );
  const area = { x: CANVAS.margin, y: TOP, width: width - 2 * CANVAS.margin, height: key.top - 16 - TOP };
  // The layout centres each node's room; the disc sits at the top of it so the label can hang below.
  const rooms = [...nodes.values()].map((n) => ({ id: n.actor.code, radius: roomOf(n) }));
  const centres = layoutNetwork(rooms, edges, area);
  const discAt = (code: string) => {
    const c = centres.get(code) ?? { x: width / 2, y: height / 2 };
    const n = nodes.get(code);
    return { x: c.x, y: n ? c.y - (n.labelHeight + LABEL_GAP) / 2 : c.y };
  };

  const listed = new Set(edges.map((e) => `${e.from}\u0000${e.to}`));
  const edgeShapes: Shape[] = [];
  for (const edge of edges) {
    const category = colourOf.get(edge.category);
    const from = nodes.get(edge.from);
    const to = nodes.get(edge.to);
    if (!category || !from || !to || edge.from === edge.to) continue;
    const a = discAt(edge.from);
    const b = discAt(edge.to);
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const length = Math.hypot(dx, dy) || 1;
    const ux = dx / length;
    const uy = dy / length;
    const bend = listed.has(`${edge.to}\u0000${edge.from}`) ? BEND : 0;
    // Control point off the middle, to the left of the direction of travel.
    const mx = (a.x + b.x) / 2 - uy * bend * 2;
    const my = (a.y + b.y) / 2 + ux * bend * 2;
    const startX = a.x + ux * from.disc;
    const startY = a.y + uy * from.disc;
    const inX = b.x - mx;
    const inY = b.y - my;
    const inLength = Math.hypot(inX, inY) || 1;
    const tipX = b.x - (inX / inLength) * (to.disc + 2);
    const tipY = b.y - (inY / inLength) * (to.disc + 2);
    const baseX = tipX - (inX / inLength) * 12;
    const baseY = tipY - (inY / inLength) * 12;
    edgeShapes.push(
      {
        kind: 'path',
        d: `M${num(startX)} ${num(startY)}Q${num(mx)} ${num(my)} ${num(baseX)} ${num(baseY)}`,
        stroke: category.colour,
        width: 2.2,
        ...polarityStroke(category.polarity),
      },
      arrowHead(tipX, tipY, inX, inY, category.colour),
    );
  }

  const discShapes: Shape[] = [];
  const labelShapes: Shape[] = [];
  for (const node of nodes.values()) {
    const { x, y } = discAt(node.actor.code);
    const flag = flagSvg(node.actor.flag);
    discShapes.push({
      kind: 'circle',
      cx: x,
      cy: y,
      r: node.disc,
      fill: node.actor.hasProfile ? COLOURS.node : COLOURS.notListed,
    });
    if (flag) {
      const size = node.disc * 1.2;
      discShapes.push({ kind: 'image', x: x - size / 2, y: y - size / 2, size, svg: flag });
    }
    const { lines, size } = node.label;
    const bold = node.actor.hasProfile;
    labelShapes.push(
      ...pill({
        x: x - node.labelWidth / 2,
        cy: y + node.disc + LABEL_GAP + node.labelHeight / 2,
        text: lines.join(' '),
        lines,
        size,
        height: node.labelHeight,
        border: COLOURS.background,
        fill: node.actor.hasProfile ? COLOURS.pill : COLOURS.noProfileFill,
        textFill: node.actor.hasProfile ? COLOURS.text : COLOURS.noProfileText,
        bold,
        title: node.actor.name,
        padding: LABEL_PADDING,
      }),
    );
  }

  if (nodes.size === 0) {
    labelShapes.push({
      kind: 'text',
      x: width / 2,
      y: height / 2,
      size: TYPE.message,
      anchor: 'middle',
      fill: COLOURS.muted,
      runs: [{ text: 'No relationships listed' }],
    });
  }
  shapes.push(...edgeShapes, ...discShapes, ...labelShapes, ...key.shapes);
  return { width, height, background: COLOURS.background, shapes };
}
