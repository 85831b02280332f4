// Layout for 'between' maps: the two actors side by side with one labelled arrow each way, a verdict
// banner that calls out asymmetry, and below them the actors both list (see betweenShared.ts).
import { sectionsShapes, sharedGroups } from './betweenShared.ts';
import { actorNode, arrow, chip, chipWidth, pill, titleLine } from './draw.ts';
import { legend } from './legend.ts';
import type { RelationsMapModel } from './model.ts';
import { oneLineName } from './nameLabel.ts';
import type { Category } from './prepare.ts';
import { displayName, distinctEdges, resolveCategories } from './prepare.ts';
import type { Scene, Shape } from './scene.ts';
import { CANVAS, CENTER_X, COLOURS, RIGHT_EDGE, TYPE } from './style.ts';
import { cleanText, fitSummary, fitText, textWidth } from './text.ts';

type BetweenModel = Extract<RelationsMapModel, { kind: 'between' }>;

const NODE_WIDTH = 310;
const NODE_CY = 172;
const ARROW_OFFSET = 28;
const BANNER_CY = 280;
const SECTIONS_TOP = 314;

/** Categories of the edges from one actor to another, in display order. */
function relation(
  categories: Category[],
  edges: BetweenModel['edges'],
  from: string,
  to: string,
): Category[] {
  return categories.filter((c) => edges.some((e) => e.from === from && e.to === to && e.category === c.name));
}

function direction(
  from: string,
  to: string,
  listed: Category[],
  y: number,
  leftward: boolean,
  captionY: number,
  /** False when `from` has no profile: its view is unknown, which is not the same as "not listed". */
  known: boolean,
): Shape[] {
  const start = CANVAS.margin + NODE_WIDTH + 6;
  const end = RIGHT_EDGE - NODE_WIDTH - 6;
  const [first] = listed;
  const shapes: Shape[] = arrow({
    x0: leftward ? end : start,
    y0: y,
    x1: leftward ? start : end,
    y1: y,
    colour: first?.colour ?? COLOURS.notListed,
    polarity: first?.polarity ?? 'friendly',
    width: first ? 4 : 2,
  });
  const label = first
    ? fitSummary(
        listed.map((c) => cleanText(c.name, true) || '?').join(' + '),
        end - start - 80,
        TYPE.header,
        true,
      )
    : known
      ? 'not listed'
      : 'unknown: no profile';
  const width = chipWidth(label);
  shapes.push(
    ...(first
      ? chip(CENTER_X - width / 2, y, label, first.colour)
      : pill({
          x: CENTER_X - width / 2,
          cy: y,
          text: label,
          size: TYPE.header,
          height: TYPE.header + 13,
          border: COLOURS.notListed,
          fill: COLOURS.background,
          textFill: COLOURS.muted,
          bold: true,
        })),
  );
  const caption = `${fitSummary(from, 240)} lists ${fitSummary(to, 240)} as`;
  shapes.push({
    kind: 'text',
    x: CENTER_X,
    y: captionY,
    size: TYPE.summary,
    anchor: 'middle',
    fill: COLOURS.muted,
    runs: [{ text: caption }],
  });
  return shapes;
}

/** The banner sentence: asymmetry is the thing a reader most needs to notice. */
function verdict(
  a: string,
  b: string,
  ab: Category[],
  ba: Category[],
  known: { a: boolean; b: boolean },
): { text: string; warn: boolean } {
  const [fromA] = ab;
  const [fromB] = ba;
  // An actor without a profile lists nobody: its silence says nothing, so it is never called asymmetric.
  if (!known.a && !known.b) return { text: 'Neither has a profile: both views are unknown', warn: false };
  if (!known.b) return { text: `${fitSummary(b, 400)} has no profile: its view is unknown`, warn: false };
  if (!known.a) return { text: `${fitSummary(a, 400)} has no profile: its view is unknown`, warn: false };
  if (!fromA && !fromB) return { text: 'Neither lists the other', warn: false };
  if (!fromB)
    return { text: `⚠ Asymmetric — ${fitSummary(b, 300)} does not list ${fitSummary(a, 300)}`, warn: true };
  if (!fromA)
    return { text: `⚠ Asymmetric — ${fitSummary(a, 300)} does not list ${fitSummary(b, 300)}`, warn: true };
  if (fromA.polarity !== fromB.polarity) {
    return {
      text: `⚠ Asymmetric — ${fromA.polarity} from ${fitSummary(a, 260)}, ${fromB.polarity} from ${fitSummary(b, 260)}`,
      warn: true,
    };
  }
  if (fromA.name === fromB.name) {
    return {
      text: `Mutual — both list each other as ${fitSummary(cleanText(fromA.name) || '?', 400)}`,
      warn: false,
    };
  }
  return { text: `Both ${fromA.polarity}, in different categories`, warn: false };
}

function banner(text: string, warn: boolean): Shape[] {
  const size = TYPE.legend;
  const fitted = fitText(text, RIGHT_EDGE - CANVAS.margin - 48, size, true);
  const width = textWidth(fitted, size, true) + 48;
  return [
    {
      kind: 'rect',
      x: CENTER_X - width / 2,
      y: BANNER_CY - 22,
      w: width,
      h: 44,
      r: 22,
      fill: warn ? COLOURS.warnFill : COLOURS.calmFill,
    },
    {
      kind: 'text',
      x: CENTER_X,
      y: BANNER_CY + size * 0.36,
      size,
      anchor: 'middle',
      bold: true,
      fill: warn ? COLOURS.warnText : COLOURS.calmText,
      runs: [{ text: fitted }],
    },
  ];
}

export function betweenScene(model: BetweenModel): Scene {
  const categories = resolveCategories(model);
  const edges = distinctEdges(model.edges);
  const ab = relation(categories, edges, model.a.code, model.b.code);
  const ba = relation(categories, edges, model.b.code, model.a.code);

  // Each name gets half the room so a long first name cannot push the second out of the title.
  const suffix = ' — how each lists the other';
  const half = (CANVAS.width - 2 * CANVAS.margin - textWidth(`${suffix} ↔ `, TYPE.title, true)) / 2;
  const pairTitle = `${oneLineName(model.a, half, TYPE.title, true)} ↔ ${oneLineName(model.b, half, TYPE.title, true)}`;
  const shapes: Shape[] = [...titleLine(pairTitle, suffix, '')];
  const shared = sharedGroups(model, categories);
  const key = legend({ categories, noProfileShown: shared.actors.some((x) => !x.hasProfile) });

  const nodeHeight = Math.max(
    actorNode(model.a, 0, 0, NODE_WIDTH, 0).height,
    actorNode(model.b, 0, 0, NODE_WIDTH, 0).height,
    120,
  );
  const aPlain = displayName(model.a);
  const bPlain = displayName(model.b);
  shapes.push(
    ...direction(
      aPlain,
      bPlain,
      ab,
      NODE_CY - ARROW_OFFSET,
      false,
      NODE_CY - ARROW_OFFSET - 27,
      model.a.hasProfile,
    ),
    ...direction(
      bPlain,
      aPlain,
      ba,
      NODE_CY + ARROW_OFFSET,
      true,
      NODE_CY + ARROW_OFFSET + 41,
      model.b.hasProfile,
    ),
    ...actorNode(model.a, CANVAS.margin + NODE_WIDTH / 2, NODE_CY, NODE_WIDTH, nodeHeight).shapes,
    ...actorNode(model.b, RIGHT_EDGE - NODE_WIDTH / 2, NODE_CY, NODE_WIDTH, nodeHeight).shapes,
  );
  const { text, warn } = verdict(aPlain, bPlain, ab, ba, { a: model.a.hasProfile, b: model.b.hasProfile });
  shapes.push(...banner(text, warn));
  shapes.push(...sectionsShapes(model, shared, SECTIONS_TOP, key.top - 12));
  shapes.push(...key.shapes);
  return { width: CANVAS.width, height: CANVAS.height, background: COLOURS.background, shapes };
}
