// Shared by the profile tests: repository paths, a parse helper that also checks the "nothing is lost"
// invariant, and a fictional base page the variation and error tests transform.
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { accountedLines, unaccountedLines } from '../../src/profiles/accountedLines.ts';
import { formatDiagnostic } from '../../src/profiles/formatDiagnostic.ts';
import { type ParseOptions, type ParseResult, parseProfile } from '../../src/profiles/parseProfile.ts';
import type { Profile } from '../../src/profiles/schema.ts';

/** The repository root, whatever the machine. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function repoPath(relative: string): string {
  return fileURLToPath(new URL(`../../${relative}`, import.meta.url));
}

export const TEST_FILE = 'profiles/vessaria.txt';

/** Parses `text` and checks what every parse must satisfy: every content line accounted for, once. */
export function parse(text: string, options: Partial<ParseOptions> = {}): ParseResult {
  const result = parseProfile(text, { file: TEST_FILE, ...options });
  expect(unaccountedLines(text, result.profile, result.diagnostics)).toEqual([]);
  if (result.profile) {
    const lines = accountedLines(result.profile);
    expect(new Set(lines).size).toBe(lines.length);
  }
  return result;
}

/** Parses text that must come out clean, and returns the profile. */
export function parseClean(text: string, options: Partial<ParseOptions> = {}): Profile {
  const result = parse(text, options);
  expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
  expect(result.profile).not.toBeNull();
  return result.profile!;
}

export function formatted(result: ParseResult): string[] {
  return result.diagnostics.map(formatDiagnostic);
}

/** Category names with their codes, in order: the shape most relationship tests compare. */
export function categoriesOf(profile: Profile): [string, string[]][] {
  return (profile.relationships?.categories ?? []).map((c) => [c.name, c.codes.map((x) => x.code)]);
}

/**
 * A fictional page in the seed's layout. Line numbers matter to the tests:
 *  1 top of page | 3 Vessaria | 5 Vessaria.png | 7 Profile | 9 summary | 11 Key Interests & Priorities |
 * 13 "1. Harbour Tolls" | 15 body | 17 "2. Mountain Passes" | 19 body | 21 Relationships | 23 Allies | 25 KDR |
 * 27 Partners | 29 OSL | 30 BRV | 32 Rivals | 34 Adversaries | 36 AAOs | 38 FNX | 39 bottom of page
 */
export const BASE_LINES: readonly string[] = [
  'top of page',
  '',
  'Vessaria',
  '',
  'Vessaria.png',
  '',
  'Profile',
  '',
  'Vessaria is a fictional lake republic. Its ferries cross to Kadros, and its tolls fund the lake guard.',
  '',
  'Key Interests & Priorities',
  '',
  '1. Harbour Tolls',
  '',
  'Vessaria wants the harbour tolls kept: they pay for half of the lake guard.',
  '',
  '2. Mountain Passes',
  '',
  'The passes to Osland close each winter, and Vessaria wants a tunnel.',
  '',
  'Relationships',
  '',
  'Allies',
  '',
  'KDR',
  '',
  'Partners',
  '',
  'OSL',
  'BRV',
  '',
  'Rivals',
  '',
  'Adversaries',
  '',
  'AAOs',
  '',
  'FNX',
  'bottom of page',
];

export const BASE_TEXT = `${BASE_LINES.join('\n')}\n`;
