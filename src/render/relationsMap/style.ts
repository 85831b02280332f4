// Canvas size, palette and type sizes shared by every layout. The canvas is wide and the type large
// because Discord shows the image at about a third of its size before it is opened.
import type { MapCategory } from './model.ts';

/** `height` is the least; a hub map grows up to `maxHeight` before it hides names behind "+N more". */
export const CANVAS = { width: 1200, height: 800, maxHeight: 1400, margin: 32 } as const;
/** The picture's vertical midline and the right edge of its drawable area. */
export const CENTER_X = CANVAS.width / 2;
export const RIGHT_EDGE = CANVAS.width - CANVAS.margin;
const HEIGHT_STEP = 40;

/** The least picture height from `CANVAS.height` up, in steps, for which `fits` holds; else the most. */
export function canvasHeight(fits: (height: number) => boolean): number {
  for (let h = CANVAS.height; h < CANVAS.maxHeight; h += HEIGHT_STEP) if (fits(h)) return h;
  return CANVAS.maxHeight;
}

export const COLOURS = {
  background: '#f5f6f8',
  text: '#111827',
  muted: '#6b7280',
  rule: '#d7dbe0',
  node: '#1f2937',
  nodeText: '#ffffff',
  nodeCode: '#a5b0c0',
  pill: '#ffffff',
  noProfileFill: '#e9ecf0',
  noProfileText: '#5f6b7a',
  notListed: '#9aa3ae',
  warnFill: '#fdecc8',
  warnText: '#8a4b06',
  calmFill: '#e3eaf3',
  calmText: '#1f3a5a',
} as const;

export const TYPE = {
  title: 36,
  summary: 21,
  node: 30,
  nodeCode: 19,
  name: 28,
  header: 22,
  legend: 22,
  message: 32,
} as const;

const FALLBACK_COLOUR = '#6b7280';

/** Colours come from profile data, so anything but '#rrggbb' is replaced rather than written into markup. */
export function safeColour(colour: string): string {
  return /^#[0-9a-fA-F]{6}$/.test(colour) ? colour.toLowerCase() : FALLBACK_COLOUR;
}

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/**
 * White text on a category fill when it reaches the 3:1 contrast large bold text needs, else dark text;
 * white is preferred so chips look alike across typical mid-tone palettes.
 */
export function textOn(hex: string): string {
  return 1.05 / (luminance(hex) + 0.05) >= 3 ? '#ffffff' : COLOURS.text;
}

/** Line style carries polarity so the picture still reads when colours are similar or unseen. */
export function polarityStroke(polarity: MapCategory['polarity']): { dash?: string; roundCaps?: boolean } {
  if (polarity === 'hostile') return { dash: '12 7' };
  if (polarity === 'unknown') return { dash: '1 8', roundCaps: true };
  return {};
}
