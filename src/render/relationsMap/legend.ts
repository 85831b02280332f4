// The legend along the bottom: categories grouped under their polarity word, each with an arrow sample
// in its colour and line style (solid friendly, dashed hostile, dotted unknown), empty ones marked
// "(none listed)", then a key to the greyed look of actors without a profile.
import { arrowSample, pill, pillWidth } from './draw.ts';
import { type FlowItem as Item, wrapLines } from './flow.ts';
import type { MapCategory } from './model.ts';
import type { Category } from './prepare.ts';
import type { Shape, TextRun } from './scene.ts';
import { CANVAS, COLOURS, TYPE } from './style.ts';
import { cleanText, fitText, textWidth } from './text.ts';

const SAMPLE_LENGTH = 40;
const SAMPLE_GAP = 9;
const ITEM_GAP = 28;
const ROW_HEIGHT = 40;
const MAX_LABEL_WIDTH = 420;
const NONE_LISTED = '(none listed)';
const LABEL_GAP = 12;
const NO_PROFILE = 'no profile';

function sampleItem(
  colour: string,
  polarity: MapCategory['polarity'],
  runs: TextRun[],
  textColour: string,
): Item {
  const textWidthTotal = runs.reduce((sum, run) => sum + textWidth(run.text, TYPE.legend), 0);
  return {
    width: SAMPLE_LENGTH + SAMPLE_GAP + textWidthTotal,
    draw: (x, cy) => [
      ...arrowSample(x, cy, SAMPLE_LENGTH, colour, polarity),
      {
        kind: 'text',
        x: x + SAMPLE_LENGTH + SAMPLE_GAP,
        y: cy + TYPE.legend * 0.36,
        size: TYPE.legend,
        fill: textColour,
        runs,
      },
    ],
  };
}

function categoryItem(category: Category): Item {
  const label = fitText(cleanText(category.name) || '?', MAX_LABEL_WIDTH, TYPE.legend);
  const runs: TextRun[] =
    category.count === 0
      ? [{ text: `${label} ` }, { text: NONE_LISTED, fill: COLOURS.muted }]
      : [{ text: label }];
  return sampleItem(
    category.colour,
    category.polarity,
    runs,
    category.count === 0 ? COLOURS.muted : COLOURS.text,
  );
}

/** A polarity word that names the line style of the categories after it; drawn glued to the first one. */
function withPolarityLabel(polarity: MapCategory['polarity'], first: Item): Item {
  const label = `${polarity}:`;
  const labelWidth = textWidth(label, TYPE.legend, true) + LABEL_GAP;
  return {
    width: labelWidth + first.width,
    draw: (x, cy) => [
      {
        kind: 'text',
        x,
        y: cy + TYPE.legend * 0.36,
        size: TYPE.legend,
        bold: true,
        fill: COLOURS.muted,
        runs: [{ text: label }],
      },
      ...first.draw(x + labelWidth, cy),
    ],
  };
}

const POLARITY_ORDER: MapCategory['polarity'][] = ['friendly', 'hostile', 'unknown'];

export interface LegendOptions {
  categories: Category[];
  /** Whether any drawn actor has no profile, so the key explains their greyed look. */
  noProfileShown: boolean;
}

/** Lays the legend out bottom-up; `top` tells the caller where its free space ends. */
/** `height`: of the picture, whose bottom the legend sits on. */
export function legend(
  options: LegendOptions,
  height: number = CANVAS.height,
): { shapes: Shape[]; top: number } {
  const items: Item[] = [];
  for (const polarity of POLARITY_ORDER) {
    const group = options.categories.filter((c) => c.polarity === polarity).map(categoryItem);
    const [first, ...rest] = group;
    if (first) items.push(withPolarityLabel(polarity, first), ...rest);
  }
  if (options.noProfileShown) {
    const height = TYPE.legend + 10;
    items.push({
      width: pillWidth(NO_PROFILE, TYPE.legend - 2),
      draw: (x, cy) =>
        pill({
          x,
          cy,
          text: NO_PROFILE,
          size: TYPE.legend - 2,
          height,
          border: COLOURS.rule,
          fill: COLOURS.noProfileFill,
          textFill: COLOURS.noProfileText,
        }),
    });
  }

  const usable = CANVAS.width - 2 * CANVAS.margin;
  const rows = wrapLines(items, usable, ITEM_GAP);

  const top = height - 16 - rows.length * ROW_HEIGHT;
  const shapes: Shape[] = [
    { kind: 'rect', x: CANVAS.margin, y: top - 8, w: usable, h: 1.5, fill: COLOURS.rule },
  ];
  rows.forEach((items, index) => {
    const cy = top + index * ROW_HEIGHT + ROW_HEIGHT / 2 + 2;
    let x = CANVAS.margin;
    for (const item of items) {
      shapes.push(...item.draw(x, cy));
      x += item.width + ITEM_GAP;
    }
  });
  return { shapes, top: top - 8 };
}
