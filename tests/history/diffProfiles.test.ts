// The change-set diff: each kind of change, renumbered interests, and a renamed file with the same content.
import { describe, expect, it } from 'vitest';
import type { InterestChange, RelationshipChange, SectionChange } from '../../src/history/changeSet.ts';
import { diffDirectory, diffProfiles } from '../../src/history/diffProfiles.ts';
import { formatWordDelta, wordDelta } from '../../src/history/wordDelta.ts';
import { MARROW_INTERESTS, page, source, sources } from './fixtures.ts';

const CATEGORIES = ['Allies', 'Partners', 'Rivals', 'Adversaries', 'AAOs'];
const diffOne = (before: string, after: string) => {
  const entries = diffProfiles(
    sources(source('marrow', before)),
    sources(source('marrow', after)),
    CATEGORIES,
  );
  expect(entries).toHaveLength(1);
  expect(entries[0]!.change).toBe('changed');
  return entries[0]!.details;
};

describe('profiles', () => {
  it('finds nothing when nothing changed', () => {
    const text = page();
    expect(
      diffProfiles(sources(source('marrow', text)), sources(source('marrow', text)), CATEGORIES),
    ).toEqual([]);
  });

  it('records an added profile, named from its text', () => {
    const text = page({ name: 'Teller' });
    const [entry] = diffProfiles(new Map(), sources(source('teller', text)), CATEGORIES);
    expect(entry).toMatchObject({
      change: 'added',
      profileId: 'teller',
      name: 'Teller',
      details: [],
    });
  });

  it('records a removed profile', () => {
    const text = page();
    const [entry] = diffProfiles(sources(source('marrow', text)), new Map(), CATEGORIES);
    expect(entry).toMatchObject({
      change: 'removed',
      profileId: 'marrow',
      name: 'Marrow',
      details: [],
    });
  });

  it('sees a file renamed with the same content as one rename, not a removal and an addition', () => {
    const text = page();
    const entries = diffProfiles(
      sources(source('marrow', text)),
      sources(source('marrow-league', text)),
      CATEGORIES,
    );
    expect(entries).toEqual([
      expect.objectContaining({
        change: 'renamed',
        profileId: 'marrow-league',
        file: 'profiles/marrow-league.txt',
        previousId: 'marrow',
        previousFile: 'profiles/marrow.txt',
        details: [],
      }),
    ]);
  });

  it('sees a file renamed to the same id (only the case changed) as a rename', () => {
    const text = page();
    const entries = diffProfiles(
      sources(source('marrow', text, 'profiles/Marrow.txt')),
      sources(source('marrow', text, 'profiles/marrow.txt')),
      CATEGORIES,
    );
    expect(entries).toEqual([
      expect.objectContaining({ change: 'renamed', previousFile: 'profiles/Marrow.txt' }),
    ]);
  });

  it('a renamed file whose text changed too is a removal and an addition', () => {
    const entries = diffProfiles(
      sources(source('marrow', page())),
      sources(source('marrow-league', page({ summary: 'A different summary of the league.' }))),
      CATEGORIES,
    );
    expect(entries.map((e) => e.change).sort()).toEqual(['added', 'removed']);
  });
});

describe('sections', () => {
  it('summarises a changed section in words', () => {
    const [d] = diffOne(
      page(),
      page({ summary: 'Marrow is a fictional salt-trading league of nine river towns.' }),
    );
    const section = d as SectionChange;
    expect(section).toMatchObject({ kind: 'section', key: 'summary', label: 'Profile', change: 'changed' });
    expect(section.words).toEqual({ added: 4, removed: 5 });
    expect(section.before).toContain('used in Dossier’s history tests');
    expect(section.after).toContain('nine river towns');
  });

  it('sees a section added and one removed', () => {
    const added = diffOne(
      page(),
      page({ extra: [['History', 'The league was sworn at Teller in a dry year.']] }),
    );
    expect(added).toEqual([
      expect.objectContaining({ kind: 'section', key: 'section:history', change: 'added', before: null }),
    ]);
    const removed = diffOne(page({ extra: [['History', 'The league was sworn at Teller.']] }), page());
    expect(removed).toEqual([
      expect.objectContaining({ kind: 'section', key: 'section:history', change: 'removed', after: null }),
    ]);
  });

  it('sees the name change', () => {
    const details = diffOne(page(), page({ name: 'Marrow League' }));
    expect(details).toContainEqual(
      expect.objectContaining({ kind: 'section', key: 'name', before: 'Marrow', after: 'Marrow League' }),
    );
  });
});

describe('interests', () => {
  it('sees an interest rewritten, with its old and new text', () => {
    const interests = MARROW_INTERESTS.map(([t, b], i): [string, string] =>
      i === 1 ? [t, 'Marrow gave up the ferry rights in exchange for a share of the tolls.'] : [t, b],
    );
    const [d] = diffOne(page(), page({ interests })) as InterestChange[];
    expect(d).toMatchObject({
      kind: 'interest',
      change: 'rewritten',
      number: 2,
      oldNumber: 2,
      title: 'Ferry Rights',
    });
    expect(d!.before).toContain('taxes every crossing');
    expect(d!.after).toContain('share of the tolls');
  });

  it('sees an interest added, removed and retitled', () => {
    const added = diffOne(
      page(),
      page({ interests: [...MARROW_INTERESTS, ['Wells', 'Marrow digs wells.']] }),
    );
    expect(added).toEqual([
      expect.objectContaining({ kind: 'interest', change: 'added', number: 4, title: 'Wells' }),
    ]);
    const removed = diffOne(page(), page({ interests: MARROW_INTERESTS.slice(0, 2) }));
    expect(removed).toEqual([
      expect.objectContaining({
        kind: 'interest',
        change: 'removed',
        oldNumber: 3,
        number: null,
        title: 'Grain Stores',
      }),
    ]);
    const retitled = diffOne(
      page(),
      page({
        interests: MARROW_INTERESTS.map(([t, b], i): [string, string] => [i === 0 ? 'Salt Routes' : t, b]),
      }),
    );
    expect(retitled).toEqual([
      expect.objectContaining({
        kind: 'interest',
        change: 'retitled',
        number: 1,
        title: 'Salt Routes',
        oldTitle: 'Salt Roads',
      }),
    ]);
  });

  it('an interest inserted at the top renumbers the others instead of rewriting them', () => {
    const details = diffOne(
      page(),
      page({ interests: [['River Forts', 'Marrow is building forts on the Sarn.'], ...MARROW_INTERESTS] }),
    ) as InterestChange[];
    expect(details.map((d) => [d.change, d.oldNumber, d.number])).toEqual([
      ['added', null, 1],
      ['renumbered', 1, 2],
      ['renumbered', 2, 3],
      ['renumbered', 3, 4],
    ]);
    // A renumbered interest kept its text: there is nothing to open.
    expect(details.filter((d) => d.change === 'renumbered').every((d) => d.before === null)).toBe(true);
  });

  it('interests swapped in order are renumbered', () => {
    const [a, b, c] = MARROW_INTERESTS;
    const details = diffOne(page(), page({ interests: [b!, a!, c!] })) as InterestChange[];
    expect(details.map((d) => [d.change, d.title, d.oldNumber, d.number])).toEqual([
      ['renumbered', 'Ferry Rights', 2, 1],
      ['renumbered', 'Salt Roads', 1, 2],
    ]);
  });
});

describe('relationships', () => {
  const rel = (details: unknown[]) => details as RelationshipChange[];

  it('sees a code moved between categories', () => {
    const details = rel(diffOne(page(), page({ relations: { Allies: ['TLR'], Partners: ['QRV'] } })));
    expect(details).toEqual([
      { kind: 'relationship', code: 'QRV', change: 'moved', from: 'AAOs', to: 'Partners' },
    ]);
  });

  it('sees codes added and removed', () => {
    const details = rel(diffOne(page(), page({ relations: { Allies: ['TLR', 'BRN'] } })));
    expect(details).toEqual([
      { kind: 'relationship', code: 'BRN', change: 'added', from: null, to: 'Allies' },
      { kind: 'relationship', code: 'QRV', change: 'removed', from: 'AAOs', to: null },
    ]);
  });

  it('a reordered list is no change', () => {
    const before = page({ relations: { Allies: ['TLR', 'BRN'], AAOs: ['QRV'] } });
    const after = page({ relations: { AAOs: ['QRV'], Allies: ['BRN', 'TLR'] } });
    expect(diffOne(before, after)).toEqual([]);
  });
});

describe('directory', () => {
  it('sees entries added, changed (naming the fields) and removed', () => {
    const before = new Map([
      ['TLR', JSON.stringify({ code: 'TLR', name: 'Teller', aliases: [] })],
      ['QRV', JSON.stringify({ code: 'QRV', name: 'Quarrivan Bands', aliases: [] })],
    ]);
    const after = new Map([
      ['TLR', JSON.stringify({ code: 'TLR', name: 'Teller', aliases: ['Teller Pass'] })],
      ['BRN', JSON.stringify({ code: 'BRN', name: 'Brannock', aliases: [] })],
    ]);
    expect(diffDirectory('actor', before, after)).toEqual([
      { kind: 'actor', key: 'BRN', change: 'added', fields: [] },
      { kind: 'actor', key: 'QRV', change: 'removed', fields: [] },
      { kind: 'actor', key: 'TLR', change: 'changed', fields: ['aliases'] },
    ]);
  });
});

describe('word counts', () => {
  it('counts words added and removed, ignoring order and case', () => {
    expect(wordDelta('the salt road', 'The road of salt and grain')).toEqual({ added: 3, removed: 0 });
    expect(wordDelta('a b c', 'c b a')).toEqual({ added: 0, removed: 0 });
    expect(formatWordDelta({ added: 42, removed: 10 })).toBe('+42 words, −10 words');
    expect(formatWordDelta({ added: 1, removed: 0 })).toBe('+1 word');
  });
});
