// Locates the bundled DejaVu fonts so both text measuring and rasterising use the same files, never system fonts.
import { fileURLToPath } from 'node:url';

export const FONT_FAMILY = 'DejaVu Sans';

const fontsDir = new URL('../../../assets/fonts/', import.meta.url);

export const REGULAR_FONT_FILE = fileURLToPath(new URL('DejaVuSans.ttf', fontsDir));
export const BOLD_FONT_FILE = fileURLToPath(new URL('DejaVuSans-Bold.ttf', fontsDir));
