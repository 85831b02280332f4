// Each way a page export is refused or partly rejected, with the exact `file:line: severity: message` the
// diagnostic prints: empty and chrome-only pages, a missing title, oversized files, invalid UTF-8, bad codes.
import { describe, expect, it } from 'vitest';
import { parseProfile } from '../../src/profiles/parseProfile.ts';
import { MAX_PROFILE_BYTES } from '../../src/profiles/sourceText.ts';
import { BASE_LINES, categoriesOf, formatted, parse, TEST_FILE } from './support.ts';

const refused = (input: string | Uint8Array) => {
  const result = typeof input === 'string' ? parse(input) : parseProfile(input, { file: TEST_FILE });
  expect(result.profile).toBeNull();
  return formatted(result);
};

describe('pages with nothing to read', () => {
  it('an empty file', () => {
    expect(refused('')).toEqual([`${TEST_FILE}:1: error: file is empty`]);
    expect(refused(new Uint8Array())).toEqual([`${TEST_FILE}:1: error: file is empty`]);
  });

  it('a file of white space only', () => {
    expect(refused(' \n\t\t\r\n   \r\n\n')).toEqual([`${TEST_FILE}:1: error: file is empty`]);
  });

  it('a BOM and nothing else', () => {
    expect(refused('\uFEFF\n\n')).toEqual([`${TEST_FILE}:1: error: file is empty`]);
  });

  it('page chrome only', () => {
    expect(refused('top of page\n\n\nbottom of page\n')).toEqual([`${TEST_FILE}:1: error: file is empty`]);
  });
});

describe('pages without a title', () => {
  it('starting with "Profile"', () => {
    expect(refused('Profile\n\nVessaria is a fictional lake republic.\n')).toEqual([
      `${TEST_FILE}:1: error: no title: the page starts with "Profile" instead of the actor's name`,
    ]);
  });

  it('starting with "Profile" after the page chrome: the line of the heading', () => {
    const text = BASE_LINES.filter((l) => l !== 'Vessaria' && l !== 'Vessaria.png').join('\n');
    expect(refused(text)).toEqual([
      `${TEST_FILE}:5: error: no title: the page starts with "Profile" instead of the actor's name`,
    ]);
  });

  it('starting with an image name', () => {
    const text = BASE_LINES.filter((l) => l !== 'Vessaria').join('\n');
    expect(refused(text)).toEqual([
      `${TEST_FILE}:4: error: no title: the page starts with "Vessaria.png" instead of the actor's name`,
    ]);
  });

  it('starting with another known heading', () => {
    expect(refused('\n\nRelationships\n\nAllies\n\nKDR\n')).toEqual([
      `${TEST_FILE}:3: error: no title: the page starts with "Relationships" instead of the actor's name`,
    ]);
  });
});

describe('files that cannot be decoded', () => {
  it('a file over 1 MB', () => {
    const line = new TextEncoder().encode('Vessaria is a fictional lake republic.\n');
    const bytes = new Uint8Array(MAX_PROFILE_BYTES + 1).fill(0x20);
    for (let i = 0; i + line.length <= bytes.length; i += line.length) bytes.set(line, i);
    expect(refused(bytes)).toEqual([
      `${TEST_FILE}:1: error: file is ${MAX_PROFILE_BYTES + 1} bytes, over the ${MAX_PROFILE_BYTES}-byte limit for a profile`,
    ]);
  });

  it('a file of exactly 1 MB is read', () => {
    const bytes = new Uint8Array(MAX_PROFILE_BYTES).fill(0x20);
    bytes.set(new TextEncoder().encode('Vessaria\n\n'));
    const result = parseProfile(bytes, { file: TEST_FILE });
    expect(result.diagnostics).toEqual([]);
    expect(result.profile?.name).toBe('Vessaria');
  });

  const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

  it('invalid UTF-8, at the line of the bad byte', () => {
    expect(refused(latin1('Vessaria\n\nProfile\n\nCaf\xe9 au lait.\n'))).toEqual([
      `${TEST_FILE}:5: error: file is not valid UTF-8`,
    ]);
  });

  it('invalid UTF-8 on the first and the last line', () => {
    expect(refused(latin1('Vess\xe4ria\n\nProfile\n'))).toEqual([
      `${TEST_FILE}:1: error: file is not valid UTF-8`,
    ]);
    expect(refused(latin1('Vessaria\n\nProfile\n\nend \xff'))).toEqual([
      `${TEST_FILE}:5: error: file is not valid UTF-8`,
    ]);
  });

  it('invalid UTF-8 with CRLF and with CR-only line endings', () => {
    expect(refused(latin1('Vessaria\r\n\r\nProfile\r\n\r\nCaf\xe9.\r\n'))).toEqual([
      `${TEST_FILE}:5: error: file is not valid UTF-8`,
    ]);
    expect(refused(latin1('Vessaria\r\rProfile\r\rCaf\xe9.\r'))).toEqual([
      `${TEST_FILE}:5: error: file is not valid UTF-8`,
    ]);
  });

  it('a truncated sequence, an overlong encoding and an encoded surrogate', () => {
    const withBytes = (bad: number[]) =>
      new Uint8Array([...new TextEncoder().encode('Vessaria\n\nProfile\n'), ...bad, 0x0a]);
    for (const bad of [[0xe2, 0x82], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0x80]]) {
      expect(refused(withBytes(bad))).toEqual([`${TEST_FILE}:4: error: file is not valid UTF-8`]);
    }
  });

  it('a truncated sequence right before a line break is on its own line', () => {
    expect(
      refused(new Uint8Array([...new TextEncoder().encode('Vessaria\n\nOne'), 0xe2, 0x0a, 0x41, 0x0a])),
    ).toEqual([`${TEST_FILE}:3: error: file is not valid UTF-8`]);
  });
});

describe('relationship lines that are not codes', () => {
  for (const bad of ['R.U.S', '12', 'RUSSIAN', 'K-DR', 'Osland!', '1990s']) {
    it(`"${bad}" is an error at its line, and the codes around it survive`, () => {
      const lines = [...BASE_LINES];
      lines.splice(29, 0, bad); // line 30, between OSL (29) and BRV (31)
      const result = parse(lines.join('\n'));
      expect(formatted(result)).toEqual([
        `${TEST_FILE}:30: error: "${bad}" is not an actor code (2–6 letters or digits, e.g. RUS)`,
      ]);
      expect(categoriesOf(result.profile!)[1]).toEqual(['Partners', ['OSL', 'BRV']]);
    });
  }

  it('a sentence in the relationships is an error, not a lost line', () => {
    const text = 'Vessaria\n\nRelationships\n\nAllies\nKDR\nNotes\nThe lake guard reports to the assembly.\n';
    expect(formatted(parse(text))).toEqual([
      `${TEST_FILE}:7: error: "Notes" is not an actor code (2–6 letters or digits, e.g. RUS)`,
      `${TEST_FILE}:8: error: "The lake guard reports to the assembly." is not an actor code (2–6 letters or digits, e.g. RUS)`,
    ]);
  });

  it('prose under a known category is an error, and the categories after it stay categories', () => {
    const text =
      'Vessaria\n\nRelationships\n\nAllies\n\nKDR\n\nRivals\n\nNone.\n\nAdversaries\n\nAAOs\n\nFNX\n';
    const result = parse(text);
    expect(formatted(result)).toEqual([
      `${TEST_FILE}:11: error: "None." is not an actor code (2–6 letters or digits, e.g. RUS)`,
    ]);
    expect(result.profile?.sections).toEqual([]);
    expect(categoriesOf(result.profile!)).toEqual([
      ['Allies', ['KDR']],
      ['Rivals', []],
      ['Adversaries', []],
      ['AAOs', ['FNX']],
    ]);
  });

  it('a long line is clipped in the message', () => {
    const long = `${'The lake guard reports to the assembly and '.repeat(3)}more.`;
    const result = parse(`Vessaria\n\nRelationships\n\nAllies\n\nKDR\n\n${long}\n`);
    expect(formatted(result)).toEqual([
      `${TEST_FILE}:9: error: "${long.slice(0, 57)}..." is not an actor code (2–6 letters or digits, e.g. RUS)`,
    ]);
  });
});
