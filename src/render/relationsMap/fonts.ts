// The bundled DejaVu fonts, registered with skia under a family name of Dossier's own so that no font of the host
// is ever picked instead, and their character maps (read with fontkit) so text is cut down to what they can draw.
import { GlobalFonts } from '@napi-rs/canvas';
import * as fontkit from 'fontkit';
import { projectFile } from '../../projectFiles.ts';

export const FONT_FAMILY = 'Dossier DejaVu Sans';

export const REGULAR_FONT_FILE = projectFile('assets', 'fonts', 'DejaVuSans.ttf');
export const BOLD_FONT_FILE = projectFile('assets', 'fonts', 'DejaVuSans-Bold.ttf');

GlobalFonts.registerFromPath(REGULAR_FONT_FILE, FONT_FAMILY);
GlobalFonts.registerFromPath(BOLD_FONT_FILE, FONT_FAMILY);

function characterSet(file: string): ReadonlySet<number> {
  const font = fontkit.openSync(file);
  if (!('characterSet' in font)) throw new Error(`${file} is a font collection, not one font`);
  return new Set(font.characterSet);
}

let regular: ReadonlySet<number> | undefined;
let bold: ReadonlySet<number> | undefined;

export function hasGlyph(codePoint: number, isBold: boolean): boolean {
  if (isBold) {
    bold ??= characterSet(BOLD_FONT_FILE);
    return bold.has(codePoint);
  }
  regular ??= characterSet(REGULAR_FONT_FILE);
  return regular.has(codePoint);
}

/** A CSS font shorthand for the canvas. */
export function canvasFont(size: number, isBold: boolean): string {
  return `${isBold ? 'bold ' : ''}${size}px "${FONT_FAMILY}"`;
}
