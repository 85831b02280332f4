// Problems are logged one line per kind (its count and first few file:lines), not one line each: a directory that
// lacks a thousand codes is one readable line. Each problem is still logged at debug, and errors one by one.

import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.ts';
import { describeKind, diagnosticKinds, EXAMPLES_PER_KIND } from '../../src/profiles/diagnosticKinds.ts';
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
