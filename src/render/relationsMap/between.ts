// Layout for 'between' maps: the two actors side by side with one labelled arrow each way, a verdict
// banner that calls out asymmetry, and below them the actors both list (see betweenShared.ts). No name is cut
// where the picture can hold it: the nodes widen for long names, and running text names each actor as fully
// as its line allows (full name, short name, code).
import { sectionsHeight, sectionsShapes, sharedGroups } from './betweenShared.ts';
import { actorNode, arrow, chip, chipWidth, pill, titleLine } from './draw.ts';
import { legend } from './legend.ts';
import type { MapActor, RelationsMapModel } from './model.ts';
import { namedText } from './nameLabel.ts';
import type { Category } from './prepare.ts';
import { distinctEdges, resolveCategories } from './prepare.ts';
import type { Scene, Shape } from './scene.ts';
import { CANVAS, CENTER_X, COLOURS, canvasHeight, RIGHT_EDGE, TYPE } from './style.ts';
import { cleanText, fitSummary, fitText, textWidth } from './text.ts';

type BetweenModel = Extract<RelationsMapModel, { kind: 'between' }>;

/** Node widths tried in turn until both names fit whole; the arrows between them take what is left. */
const NODE_WIDTHS = [310, 340, 370, 400] as const;
const NODE_CY = 172;
const ARROW_OFFSET = 28;
/** Where the banner sits under nodes of the usual height; taller nodes push it, and all below, down. */
const BANNER_CY = 280;
const BANNER_HALF_HEIGHT = 22;
const BANNER_GAP = 12;
/** From the banner's middle to the top of the sections under it. */
const SECTIONS_BELOW_BANNER = 34;

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
  from: MapActor,
  to: MapActor,
  listed: Category[],
  y: number,
  leftward: boolean,
  captionY: number,
  nodeWidth: number,
): Shape[] {
  const start = CANVAS.margin + nodeWidth + 6;
  const end = RIGHT_EDGE - nodeWidth - 6;
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
    : // An actor without a profile lists nobody: its view is unknown, which is not the same as "not listed".
      from.hasProfile
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
  const caption = namedText([from, to], [([f, t]) => `${f} lists ${t} as`], end - start, TYPE.summary);
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

/** The banner sentence, given how the two are named: asymmetry is the thing a reader most needs to notice. */
function verdict(
  ab: Category[],
  ba: Category[],
  known: { a: boolean; b: boolean },
): { sentence: (names: string[]) => string; warn: boolean } {
  const [fromA] = ab;
  const [fromB] = ba;
  const say = (sentence: (a: string, b: string) => string, warn = false) => ({
    sentence: ([a = '', b = '']: string[]) => sentence(a, b),
    warn,
  });
  // An actor without a profile lists nobody: its silence says nothing, so it is never called asymmetric.
  if (!known.a && !known.b) return say(() => 'Neither has a profile: both views are unknown');
  if (!known.b) return say((_, b) => `${b} has no profile: its view is unknown`);
  if (!known.a) return say((a) => `${a} has no profile: its view is unknown`);
  if (!fromA && !fromB) return say(() => 'Neither lists the other');
  if (!fromB) return say((a, b) => `⚠ Asymmetric — ${b} does not list ${a}`, true);
  if (!fromA) return say((a, b) => `⚠ Asymmetric — ${a} does not list ${b}`, true);
  if (fromA.polarity !== fromB.polarity) {
    return say((a, b) => `⚠ Asymmetric — ${fromA.polarity} from ${a}, ${fromB.polarity} from ${b}`, true);
  }
  if (fromA.name === fromB.name) {
    const category = fitSummary(cleanText(fromA.name) || '?', 400);
    return say(() => `Mutual — both list each other as ${category}`);
  }
  return say(() => `Both ${fromA.polarity}, in different categories`);
}

/** The banner's text runs this wide at most, inside its rounded ends. */
const BANNER_TEXT_WIDTH = RIGHT_EDGE - CANVAS.margin - 48;

function banner(text: string, warn: boolean, cy: number): Shape[] {
  const size = TYPE.legend;
  const fitted = fitText(text, BANNER_TEXT_WIDTH, size, true);
  const width = textWidth(fitted, size, true) + 48;
  return [
    {
      kind: 'rect',
      x: CENTER_X - width / 2,
      y: cy - BANNER_HALF_HEIGHT,
      w: width,
      h: 2 * BANNER_HALF_HEIGHT,
      r: BANNER_HALF_HEIGHT,
      fill: warn ? COLOURS.warnFill : COLOURS.calmFill,
    },
    {
      kind: 'text',
      x: CENTER_X,
      y: cy + size * 0.36,
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
  const pair = [model.a, model.b];

  const suffix = ' — how each lists the other';
  const pairTitle = namedText(
    pair,
    [([a, b]) => `${a} ↔ ${b}${suffix}`, ([a, b]) => `${a} ↔ ${b}`],
    CANVAS.width - 2 * CANVAS.margin,
    TYPE.title,
    true,
  );
  const shapes: Shape[] = [...titleLine(pairTitle, '', '')];
  const nodeWidth =
    NODE_WIDTHS.find((width) => pair.every((actor) => actorNode(actor, 0, 0, width, 0).whole)) ??
    NODE_WIDTHS[0];
  const nodeHeight = Math.max(...pair.map((actor) => actorNode(actor, 0, 0, nodeWidth, 0).height), 120);
  const bannerCy = Math.max(BANNER_CY, NODE_CY + nodeHeight / 2 + BANNER_GAP + BANNER_HALF_HEIGHT);
  const sectionsTop = bannerCy + SECTIONS_BELOW_BANNER;

  const shared = sharedGroups(model, categories);
  const legendOptions = { categories, noProfileShown: shared.actors.some((x) => !x.hasProfile) };
  // Taller rather than cut: the least height that holds every actor both list.
  const needed = sectionsHeight(shared);
  const height = canvasHeight((h) => sectionsTop + needed <= legend(legendOptions, h).top - 12);
  const key = legend(legendOptions, height);

  shapes.push(
    ...direction(model.a, model.b, ab, NODE_CY - ARROW_OFFSET, false, NODE_CY - ARROW_OFFSET - 27, nodeWidth),
    ...direction(model.b, model.a, ba, NODE_CY + ARROW_OFFSET, true, NODE_CY + ARROW_OFFSET + 41, nodeWidth),
    ...actorNode(model.a, CANVAS.margin + nodeWidth / 2, NODE_CY, nodeWidth, nodeHeight).shapes,
    ...actorNode(model.b, RIGHT_EDGE - nodeWidth / 2, NODE_CY, nodeWidth, nodeHeight).shapes,
  );
  const { sentence, warn } = verdict(ab, ba, { a: model.a.hasProfile, b: model.b.hasProfile });
  shapes.push(...banner(namedText(pair, [sentence], BANNER_TEXT_WIDTH, TYPE.legend, true), warn, bannerCy));
  shapes.push(...sectionsShapes(model, shared, sectionsTop, key.top - 12));
  shapes.push(...key.shapes);
  return { width: CANVAS.width, height, background: COLOURS.background, shapes };
}
