// Fictional profile pages for the history tests: made-up places, made-up codes.
import type { ProfileSource } from '../../src/history/diffProfiles.ts';
import { hashText } from '../../src/history/recordChanges.ts';

export interface PageParts {
  name?: string;
  summary?: string;
  interests?: [title: string, body: string][];
  relations?: Record<string, string[]>;
  extra?: [heading: string, body: string][];
}

export const MARROW_INTERESTS: [string, string][] = [
  ['Salt Roads', 'Marrow wants the salt roads through the Teller pass kept open all winter.'],
  ['Ferry Rights', 'Marrow claims the ferry rights on the lower Sarn and taxes every crossing.'],
  ['Grain Stores', 'Marrow keeps three years of grain in its hill forts.'],
];

export function page(parts: PageParts = {}): string {
  const name = parts.name ?? 'Marrow';
  const lines = [
    name,
    '',
    'Marrow.png',
    '',
    'Profile',
    '',
    parts.summary ?? 'Marrow is a fictional salt-trading league used in Dossier’s history tests.',
    '',
    'Key Interests & Priorities',
    '',
  ];
  for (const [i, [title, body]] of (parts.interests ?? MARROW_INTERESTS).entries())
    lines.push(`${i + 1}. ${title}`, '', body, '');
  for (const [heading, body] of parts.extra ?? []) lines.push(heading, '', body, '');
  lines.push('Relationships', '');
  for (const [category, codes] of Object.entries(parts.relations ?? { Allies: ['TLR'], AAOs: ['QRV'] }))
    lines.push(category, '', ...codes, '');
  return `${lines.join('\n')}\n`;
}

export function source(id: string, text: string, file = `profiles/${id}.txt`): ProfileSource {
  return { id, file, text, hash: hashText(text) };
}

export function sources(...list: ProfileSource[]): Map<string, ProfileSource> {
  return new Map(list.map((s) => [s.id, s]));
}
