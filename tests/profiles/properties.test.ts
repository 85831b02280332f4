// Property tests: generated well-formed pages parse cleanly into exactly the structure they were written from;
// over generated and mutated pages the parser never throws and loses no line; arbitrary input never throws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountedLines, unaccountedLines } from '../../src/profiles/accountedLines.ts';
import { formatDiagnostic } from '../../src/profiles/formatDiagnostic.ts';
import { type ParseResult, parseProfile } from '../../src/profiles/parseProfile.ts';
import { profileSchema } from '../../src/profiles/schema.ts';
import { splitLines } from '../../src/profiles/sourceText.ts';
import { ending, GENERATED_FILE, joinLines, mutate, mutation, pageModel, renderPage } from './arbitraries.ts';

/** Everything that must hold for any input, decoded or refused. */
function checkInvariants(text: string, result: ParseResult): void {
  const lineCount = splitLines(text).length;
  for (const d of result.diagnostics) {
    expect(d.line, formatDiagnostic(d)).toBeGreaterThanOrEqual(1);
    expect(d.line, formatDiagnostic(d)).toBeLessThanOrEqual(lineCount);
  }
  expect(unaccountedLines(text, result.profile, result.diagnostics)).toEqual([]);
  if (!result.profile) {
    expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    return;
  }
  expect(profileSchema.safeParse(result.profile).success).toBe(true);
  const accounted = accountedLines(result.profile);
  expect(new Set(accounted).size, `lines accounted twice: ${accounted}`).toBe(accounted.length);
  const content = new Set(
    splitLines(text)
      .filter((l) => l.text !== '')
      .map((l) => l.number),
  );
  for (const n of accounted) expect(content.has(n), `line ${n} is not a content line`).toBe(true);
}

describe('well-formed generated pages', () => {
  it('parse with zero diagnostics into the structure they were written from', () => {
    fc.assert(
      fc.property(pageModel, fc.array(ending, { minLength: 1, maxLength: 3 }), (model, endings) => {
        const { lines, expected } = renderPage(model);
        const text = joinLines(lines, endings);
        const result = parseProfile(text, { file: GENERATED_FILE });
        expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
        expect(result.profile).toEqual(expected);
        checkInvariants(text, result);
      }),
      { numRuns: 150 },
    );
  });

  it('read the same from bytes with a BOM', () => {
    fc.assert(
      fc.property(pageModel, (model) => {
        const { lines, expected } = renderPage(model);
        const bytes = new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}`);
        expect(parseProfile(bytes, { file: GENERATED_FILE })).toEqual({ profile: expected, diagnostics: [] });
      }),
      { numRuns: 30 },
    );
  });
});

describe('nothing is lost', () => {
  it('over generated pages and any mutation of them', () => {
    fc.assert(
      fc.property(
        pageModel,
        fc.array(mutation, { maxLength: 12 }),
        fc.array(ending, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        (model, mutations, endings, bom) => {
          const lines = mutate(renderPage(model).lines, mutations);
          const text = (bom ? '\uFEFF' : '') + joinLines(lines, endings);
          checkInvariants(text, parseProfile(text, { file: GENERATED_FILE }));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('with the directory categories given', () => {
    fc.assert(
      fc.property(pageModel, fc.array(mutation, { maxLength: 8 }), (model, mutations) => {
        const text = mutate(renderPage(model).lines, mutations).join('\n');
        const result = parseProfile(text, {
          file: GENERATED_FILE,
          categoryNames: ['Allies', 'Neutral Parties', 'WATCH'],
        });
        checkInvariants(text, result);
      }),
      { numRuns: 80 },
    );
  });
});

describe('arbitrary input', () => {
  it('strings never throw and keep the invariants', () => {
    const line = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 20 }),
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.constantFrom(
        '',
        'Profile',
        'Relationships',
        'Allies',
        'RUS',
        '1. A',
        'x.png',
        'top of page',
        'Notes',
      ),
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc.array(line, { maxLength: 30 }).map((l) => l.join('\n')),
        ),
        (text) => {
          checkInvariants(text, parseProfile(text, { file: GENERATED_FILE }));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('bytes never throw, and a refused file points at a line it has', () => {
    const byte = fc.oneof(
      fc.integer({ min: 0, max: 255 }),
      fc.constantFrom(0x0a, 0x0d, 0x20, 0x41, 0xef, 0xbb, 0xbf, 0xc3, 0xa9, 0xe2, 0x80),
    );
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 300 }), (values) => {
        const bytes = Uint8Array.from(values);
        const result = parseProfile(bytes, { file: GENERATED_FILE });
        // A lenient decode keeps every line break, so it counts the lines the file has.
        checkInvariants(new TextDecoder().decode(bytes), result);
      }),
      { numRuns: 300 },
    );
  });
});
