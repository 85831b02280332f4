// The real seed profile (data/profiles/tajikistan.txt) parses to exactly the structure the page has, with
// every source line where it belongs, no diagnostics, and a result the zod schema accepts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { accountedLines, unaccountedLines } from '../../src/profiles/accountedLines.ts';
import { parseProfile } from '../../src/profiles/parseProfile.ts';
import { profileSchema } from '../../src/profiles/schema.ts';
import { categoriesOf, repoPath } from './support.ts';

const FILE = 'profiles/tajikistan.txt';
const bytes = readFileSync(repoPath(`data/${FILE}`));
const text = bytes.toString('utf8');
const { profile, diagnostics } = parseProfile(bytes, { file: FILE });

describe('the seed profile', () => {
  it('parses with zero diagnostics into a profile the schema accepts', () => {
    expect(diagnostics).toEqual([]);
    expect(profile).not.toBeNull();
    expect(profileSchema.parse(profile)).toEqual(profile);
  });

  it('has the title, id and image of the page', () => {
    expect(profile?.id).toBe('tajikistan');
    expect(profile?.file).toBe(FILE);
    expect(profile?.name).toBe('Tajikistan');
    expect(profile?.nameLine).toBe(3);
    expect(profile?.image).toEqual({ file: 'Tajik.png', line: 5 });
  });

  it('has a one-paragraph summary under "Profile"', () => {
    const summary = profile!.summary!;
    expect(summary.heading).toBe('Profile');
    expect(summary.line).toBe(7);
    expect(summary.paragraphs).toHaveLength(1);
    const [paragraph] = summary.paragraphs;
    expect(paragraph?.line).toBe(9);
    expect(paragraph?.lineCount).toBe(1);
    expect(paragraph?.text.startsWith('Tajikistan and Afghanistan share deep cultural')).toBe(true);
    expect(paragraph?.text.endsWith('failing to form an inclusive government.')).toBe(true);
  });

  it('has three numbered interests, each with one body paragraph', () => {
    const interests = profile!.interests!;
    expect(interests.heading).toBe('Key Interests & Priorities');
    expect(interests.line).toBe(11);
    expect(interests.intro).toEqual([]);
    expect(interests.items.map((i) => [i.number, i.title, i.line])).toEqual([
      [1, 'Spillover of Insecurity', 13],
      [2, 'Narcotics', 17],
      [3, 'Inclusive Government', 21],
    ]);
    expect(interests.items.map((i) => i.body.map((p) => [p.line, p.lineCount]))).toEqual([
      [[15, 1]],
      [[19, 1]],
      [[23, 1]],
    ]);
    expect(interests.items[0]?.body[0]?.text.startsWith('Tajikistan is concerned about the spillover')).toBe(
      true,
    );
    expect(interests.items[1]?.body[0]?.text.startsWith('Since the 1990s, Tajikistan has been gravely')).toBe(
      true,
    );
    expect(interests.items[2]?.body[0]?.text.endsWith('predictability to the Afghan affairs.')).toBe(true);
  });

  it('has the five relationship categories in page order, with their codes', () => {
    expect(profile?.relationships?.heading).toBe('Relationships');
    expect(profile?.relationships?.line).toBe(25);
    expect(categoriesOf(profile!)).toEqual([
      ['Allies', ['RUS']],
      ['Partners', ['FRA', 'US', 'PRC', 'NRF', 'TKM', 'KAZ', 'IRA']],
      ['Rivals', []],
      ['Adversaries', []],
      ['AAOs', ['UZB', 'KGZ', 'IEA', 'HQN', 'JA']],
    ]);
  });

  it('keeps the source line of every category and code', () => {
    const categories = profile!.relationships!.categories;
    expect(categories.map((c) => c.line)).toEqual([27, 31, 41, 43, 45]);
    expect(categories.map((c) => c.codes.map((x) => x.line))).toEqual([
      [29],
      [33, 34, 35, 36, 37, 38, 39],
      [],
      [],
      [47, 48, 49, 50, 51],
    ]);
  });

  it('has no other sections', () => {
    expect(profile?.sections).toEqual([]);
  });

  it('accounts for every content line exactly once', () => {
    expect(unaccountedLines(text, profile, diagnostics)).toEqual([]);
    const lines = accountedLines(profile!);
    expect(new Set(lines).size).toBe(lines.length);
    // Everything but the blank lines and the two chrome lines (1 and 52).
    const content = text.split('\n').flatMap((l, i) => (l.trim() === '' ? [] : [i + 1]));
    expect([...lines].sort((a, b) => a - b)).toEqual(content.filter((n) => n !== 1 && n !== 52));
  });
});
