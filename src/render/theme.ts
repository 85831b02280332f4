// Colours and small visual conventions shared by every embed.

export const COLOUR = {
  brand: 0x2b6cb0,
  search: 0x6b46c1,
  notFound: 0xd69e2e,
  error: 0xc53030,
  refused: 0x718096,
} as const;

export function hexColour(hex: string): number {
  return Number.parseInt(hex.replace('#', ''), 16);
}

export const BOT_NAME = 'Dossier';
