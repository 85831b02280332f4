// Problems are logged one line per kind (its count and first few file:lines), not one line each: a directory that
// lacks a thousand codes is one readable line. Each problem is still logged at debug, and errors one by one.

import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.ts';
import {
  describeKind,
  diagnosticKinds,
  EXAMPLES_PER_KIND,
  kindOf,
} from '../../src/profiles/diagnosticKinds.ts';
import { formatDiagnostic } from '../../src/profiles/formatDiagnostic.ts';
import type { Diagnostic } from '../../src/profiles/schema.ts';
import { EngineHolder } from '../../src/runtime/engineHolder.ts';
import { copyFixtureData, profileText } from '../e2e/opsSupport.ts';

const warning = (file: string, line: number, message: string): Diagnostic => ({
  severity: 'warning',
  file,
  line,
  message,
});
const missing = (file: string, line: number, code: string) =>
  warning(file, line, `code ${code} is not in the actor directory: shown as the raw code`);

describe('diagnosticKinds', () => {
  it('names the first few of each kind by file name and line, as sorting them all would', () => {
    const diagnostic = fc.record({
      file: fc.constantFrom('profiles/a.txt', 'profiles/b.txt', 'profiles/c-d.txt', 'actors.yaml'),
      line: fc.integer({ min: 1, max: 20 }),
      code: fc.constantFrom('KDR', 'VAL', 'OSL'),
      kind: fc.constantFrom(0, 1, 2),
    });
    fc.assert(
      fc.property(fc.array(diagnostic, { maxLength: 40 }), (list) => {
        const diagnostics = list.map(({ file, line, code, kind }) =>
          kind === 0
            ? missing(file, line, code)
            : kind === 1
              ? warning(file, line, `category "${code}" is not in the directory`)
              : ({ severity: 'error', file, line, message: `${code} names profile: x` } as Diagnostic),
        );
        const sorted = [...diagnostics].sort((a, b) =>
          a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line,
        );
        const expected = new Map<string, Diagnostic[]>();
        for (const d of sorted) expected.set(kindOf(d), [...(expected.get(kindOf(d)) ?? []), d]);
        const kinds = diagnosticKinds(diagnostics);
        expect(kinds.map((k) => k.count).reduce((a, b) => a + b, 0)).toBe(diagnostics.length);
        for (const k of kinds) {
          const all = [...expected.values()].find((ds) => formatDiagnostic(ds[0]!) === k.example)!;
          expect(k.count).toBe(all.length);
          expect(k.at).toEqual(all.slice(0, EXAMPLES_PER_KIND).map((d) => `${d.file}:${d.line}`));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('groups problems that differ only in the profile ids they name', () => {
    const unjoined = (id: string) =>
      warning(
        `profiles/${id}.txt`,
        1,
        `"${id}" has no entry in the actor directory (add one with profile: ${id}); it is found by name only`,
      );
    const kinds = diagnosticKinds([unjoined('kesh'), unjoined('oruna-vale'), unjoined('brennick')]);
    expect(kinds).toHaveLength(1);
    expect(kinds[0]!.count).toBe(3);
  });

  it('groups problems that differ only in codes, quoted text and numbers, most frequent first', () => {
    const kinds = diagnosticKinds([
      missing('profiles/b.txt', 9, 'KDR'),
      missing('profiles/a.txt', 7, 'ZZQ'),
      missing('profiles/a.txt', 3, 'ORU'),
      missing('profiles/c.txt', 1, 'XYZ1'),
      missing('profiles/d.txt', 2, 'QQ'),
      warning(
        'profiles/a.txt',
        5,
        'category "Friends" is not in the directory: shown as written, meaning not given',
      ),
      { severity: 'error', file: 'profiles/e.txt', line: 1, message: 'file is empty' },
    ]);
    expect(kinds.map((k) => [k.severity, k.count])).toEqual([
      ['error', 1],
      ['warning', 5],
      ['warning', 1],
    ]);
    expect(kinds[1]!.at).toEqual(['profiles/a.txt:3', 'profiles/a.txt:7', 'profiles/b.txt:9']);
    expect(kinds[1]!.at).toHaveLength(EXAMPLES_PER_KIND);
    expect(describeKind(kinds[1]!)).toBe(
      '5 warnings like profiles/a.txt:3: warning: code ORU is not in the actor directory: shown as the raw code ' +
        '(also at profiles/a.txt:7, profiles/b.txt:9, and 2 more)',
    );
    expect(describeKind(kinds[2]!)).toBe(
      'profiles/a.txt:5: warning: category "Friends" is not in the directory: shown as written, meaning not given',
    );
  });

  it('makes a load log one info line per kind of warning, and each warning at debug only', async () => {
    const data = await copyFixtureData();
    try {
      const codes = Array.from({ length: 40 }, (_, i) => `Q${String(i).padStart(2, '0')}`);
      await writeFile(
        path.join(data.profilesDir, 'brennick.txt'),
        profileText('Brennick', 'Salt.', { Partners: codes }),
      );
      const lines: { level: number; msg: string }[] = [];
      const logger = createLogger({
        level: 'debug',
        destination: new Writable({
          write(chunk, _e, done) {
            for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l));
            done();
          },
        }),
      });
      await EngineHolder.load(data.dir, logger);
      const about = lines.filter((l) => l.msg.includes('is not in the actor directory'));
      expect(about.filter((l) => l.level === 30)).toHaveLength(1);
      expect(about.find((l) => l.level === 30)!.msg).toMatch(
        /^40 warnings like profiles\/brennick\.txt:\d+: /,
      );
      expect(about.filter((l) => l.level === 20)).toHaveLength(40);
      expect(about.filter((l) => l.level > 30)).toHaveLength(0);
    } finally {
      await data.remove();
    }
  });
});
