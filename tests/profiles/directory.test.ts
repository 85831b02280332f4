// The actor directory (actors.yaml), team bindings (teams.yaml) and assembleCorpus: the real directory covers
// the seed, every YAML problem is reported at its line without taking good entries down, and unresolved
// references between profiles, directory and teams become file:line warnings.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assembleCorpus, type CorpusParts, categoryInfo, edgeCount } from '../../src/profiles/corpus.ts';
import { type Directory, parseDirectory } from '../../src/profiles/directory.ts';
import { formatDiagnostic, sortDiagnostics } from '../../src/profiles/formatDiagnostic.ts';
import { parseProfile } from '../../src/profiles/parseProfile.ts';
import type { Diagnostic } from '../../src/profiles/schema.ts';
import { parseTeams } from '../../src/profiles/teams.ts';
import { repoPath } from './support.ts';

const lines = (diagnostics: readonly Diagnostic[]) => diagnostics.map(formatDiagnostic);

describe('data/actors.yaml', () => {
  const { directory, diagnostics } = parseDirectory(
    readFileSync(repoPath('data/actors.yaml'), 'utf8'),
    'actors.yaml',
  );
  const seed = parseProfile(readFileSync(repoPath('data/profiles/tajikistan.txt')), {
    file: 'profiles/tajikistan.txt',
  }).profile!;
  const byCode = new Map(directory.actors.map((a) => [a.code, a]));

  it('has no diagnostics', () => {
    expect(diagnostics).toEqual([]);
  });

  it('knows every code the seed lists, and Tajikistan itself', () => {
    const codes = seed.relationships!.categories.flatMap((c) => c.codes.map((x) => x.code));
    expect(codes).toHaveLength(13);
    for (const code of codes) expect(byCode.has(code), code).toBe(true);
    expect(byCode.get('TJK')).toMatchObject({ name: 'Tajikistan', kind: 'state', profile: 'tajikistan' });
  });

  it('resolves the aliases people type', () => {
    const byAlias = (alias: string) =>
      directory.actors.filter((a) => a.aliases.includes(alias)).map((a) => a.code);
    expect(byAlias('Taliban')).toEqual(['IEA']);
    expect(byAlias('China')).toEqual(['PRC']);
    expect(byAlias('Iran')).toEqual(['IRA']);
  });

  it('lists the seed categories in order, and leaves AAOs without a meaning', () => {
    expect(directory.categories.map((c) => c.name)).toEqual([
      'Allies',
      'Partners',
      'Rivals',
      'Adversaries',
      'AAOs',
    ]);
    const aaos = directory.categories.find((c) => c.name === 'AAOs');
    expect(aaos).toBeDefined();
    expect(aaos).not.toHaveProperty('meaning');
    expect(aaos?.polarity).toBe('unknown');
    for (const c of directory.categories.filter((c) => c.name !== 'AAOs')) expect(c.meaning).toBeTruthy();
  });
});

describe('parseDirectory on broken YAML', () => {
  const text = [
    'categories:', //  1
    '  - name: Allies', //  2
    '    polarity: friendly', //  3
    '    colour: green', //  4  bad colour
    '  - name: Rivals', //  5
    '    polarity: hostile', //  6
    '    colour: "#E08A1E"', //  7
    '  - name: rivals', //  8  same category in another case
    '    polarity: hostile', //  9
    '    colour: "#E08A1E"', // 10
    'owner: the editors', // 11  unknown top-level key
    'actors:', // 12
    '  - code: VAL', // 13
    '    name: Valdoria', // 14
    '    kind: state', // 15
    '  - code: VAL', // 16  duplicate code
    '    name: Valdoria again', // 17
    '    kind: state', // 18
    '  - code: ORU', // 19
    '    name: Oruna', // 20
    '    kind: empire', // 21  bad kind
    '  - code: KSH', // 22
    '    name: Kesh', // 23
    '    kind: state', // 24
    '    flag: "KS"', // 25  not an emoji
    '  - code: ksh', // 26  lowercase code
    '    name: Kesh', // 27
    '    kind: state', // 28
    '  - code: PLX', // 29
    '    name: Pellix', // 30
    '    kind: state', // 31
    '    capital: Pel', // 32  unknown field (reported at its entry)
    '  - code: GRN', // 33
    '    name: Greyhaven Network', // 34
    '    kind: non-state armed group', // 35
    '    aliases: [Greyhaven]', // 36
  ].join('\n');
  const { directory, diagnostics } = parseDirectory(text, 'actors.yaml');

  it('reports each problem at its line', () => {
    expect(lines(sortDiagnostics(diagnostics))).toEqual([
      'actors.yaml:4: error: categories.0.colour: a colour is #rrggbb',
      'actors.yaml:8: error: category rivals is defined twice; the first definition is used',
      'actors.yaml:11: warning: unknown key "owner" ignored',
      'actors.yaml:16: error: code VAL is defined twice; the first definition is used',
      expect.stringMatching(
        /^actors\.yaml:21: error: actors\.2\.kind: Invalid option: expected one of "state"/,
      ),
      'actors.yaml:25: error: actors.3.flag: a flag is one emoji',
      'actors.yaml:26: error: actors.4.code: an actor code is 2–6 capital letters or digits',
      'actors.yaml:29: error: actors.5: Unrecognized key: "capital"',
    ]);
  });

  it('keeps the good entries, and the first of a repeated one', () => {
    expect(directory.categories.map((c) => c.name)).toEqual(['Rivals']);
    expect(directory.actors.map((a) => [a.code, a.name])).toEqual([
      ['VAL', 'Valdoria'],
      ['GRN', 'Greyhaven Network'],
    ]);
    expect(directory.actors[1]?.aliases).toEqual(['Greyhaven']);
    expect(directory.actors[0]?.aliases).toEqual([]);
  });

  it('a YAML syntax error is reported at its line, and the file yields nothing', () => {
    const colon = parseDirectory(
      'actors:\n  - code: VAL\n    name: Valdoria: the republic\n    kind: state\n',
      'a.yaml',
    );
    expect(lines(colon.diagnostics)).toEqual([
      expect.stringMatching(/^a\.yaml:3: error: Nested mappings are not allowed in compact mappings/),
    ]);
    expect(colon.directory).toEqual({ categories: [], actors: [] });
    const tab = parseDirectory('actors:\n  - code: VAL\n\tname: Valdoria\n', 'a.yaml');
    expect(lines(tab.diagnostics)).toEqual([
      expect.stringMatching(/^a\.yaml:3: error: Tabs are not allowed/),
    ]);
  });

  it('a key repeated in one entry is a YAML error at the repeat', () => {
    const result = parseDirectory(
      'actors:\n  - code: VAL\n    name: A\n    name: B\n    kind: state\n',
      'actors.yaml',
    );
    expect(lines(result.diagnostics)).toEqual([
      expect.stringMatching(/^actors\.yaml:4: error: Map keys must be unique/),
    ]);
  });

  it('an empty file is an empty directory', () => {
    expect(parseDirectory('', 'actors.yaml')).toEqual({
      directory: { categories: [], actors: [] },
      diagnostics: [],
    });
    expect(parseDirectory('# nothing yet\n', 'actors.yaml').diagnostics).toEqual([]);
  });

  it('a top level that is not a map is one error', () => {
    for (const text of ['- code: VAL\n- code: ORU\n', 'just a sentence\n']) {
      expect(lines(parseDirectory(text, 'actors.yaml').diagnostics)).toEqual([
        'actors.yaml:1: error: expected a map with categories: and actors:',
      ]);
    }
  });

  it('a list that is not a list', () => {
    expect(lines(parseDirectory('categories: []\nactors: VAL\n', 'actors.yaml').diagnostics)).toEqual([
      'actors.yaml:2: error: actors: expected a list',
    ]);
  });

  it('tests/fixtures/broken/actors.yaml', () => {
    const broken = parseDirectory(
      readFileSync(repoPath('tests/fixtures/broken/actors.yaml'), 'utf8'),
      'actors.yaml',
    );
    expect(lines(sortDiagnostics(broken.diagnostics))).toEqual([
      'actors.yaml:5: error: categories.0.colour: a colour is #rrggbb',
      'actors.yaml:14: error: code VAL is defined twice; the first definition is used',
      expect.stringMatching(/^actors\.yaml:19: error: actors\.2\.kind: Invalid option/),
    ]);
    expect(broken.directory.actors.map((a) => a.code)).toEqual(['VAL']);
    expect(broken.directory.categories.map((c) => c.name)).toEqual(['Rivals']);
  });
});

describe('parseTeams', () => {
  it('binds quoted and unquoted channel ids to the exact id written', () => {
    const diagnostics: Diagnostic[] = [];
    const text = '# teams\nchannels:\n  "900000000000000101": KSH\n  900000000000000103: val\n';
    expect(parseTeams(text, 'teams.yaml', diagnostics)).toEqual([
      { channel: '900000000000000101', ref: 'KSH', line: 3 },
      { channel: '900000000000000103', ref: 'val', line: 4 },
    ]);
    expect(diagnostics).toEqual([]);
  });

  it('reports a bad channel id or an empty ref at its line and keeps the rest', () => {
    const diagnostics: Diagnostic[] = [];
    const text =
      'channels:\n  "not-a-channel": VAL\n  "900000000000000101": KSH\n  "900000000000000102": ""\n  42: ORU\n';
    expect(parseTeams(text, 'teams.yaml', diagnostics).map((b) => b.channel)).toEqual(['900000000000000101']);
    expect(lines(sortDiagnostics(diagnostics))).toEqual([
      'teams.yaml:2: error: channels.not-a-channel: a channel id is a 17–20 digit snowflake',
      'teams.yaml:4: error: channels.900000000000000102: give an actor code or a profile id',
      'teams.yaml:5: error: channels.42: a channel id is a 17–20 digit snowflake',
    ]);
  });

  it('an empty or missing channels map binds nothing', () => {
    for (const text of ['', 'channels:\n', 'channels: {}\n', '# none\n']) {
      const diagnostics: Diagnostic[] = [];
      expect(parseTeams(text, 'teams.yaml', diagnostics)).toEqual([]);
      expect(diagnostics).toEqual([]);
    }
  });

  it('channels that are not a map', () => {
    const diagnostics: Diagnostic[] = [];
    expect(parseTeams('channels:\n  - KSH\n', 'teams.yaml', diagnostics)).toEqual([]);
    expect(lines(diagnostics)).toEqual([
      'teams.yaml:2: error: channels: expected a map of channel id → actor',
    ]);
  });
});

describe('assembleCorpus', () => {
  const directory: Directory = {
    categories: [
      { name: 'Allies', meaning: 'Actors it counts as allies.', polarity: 'friendly', colour: '#2E9D5B' },
      { name: 'AAOs', polarity: 'unknown', colour: '#8A8F98' },
    ],
    actors: [
      { code: 'VAL', name: 'Valdoria', kind: 'state', aliases: [] },
      { code: 'KSH', name: 'Kesh', kind: 'state', aliases: [], profile: 'keshi-federation' },
      { code: 'ORU', name: 'Oruna', kind: 'state', aliases: [] },
    ],
  };
  const profile = (file: string, text: string) => parseProfile(text, { file }).profile!;
  const valdoria = profile(
    'profiles/valdoria.txt',
    'Valdoria\n\nRelationships\n\nAllies\n\nORU\nZZQ\n\nFrenemies\n\nKSH\n\naaos\n\nKSH\n',
  );
  const kesh = profile('profiles/keshi-federation.txt', 'Kesh\n');
  const tajarin = profile('profiles/tajarin.txt', 'Tajarin\n\nRelationships\n\nAllies\n\nVAL\n');
  const parts = (over: Partial<CorpusParts> = {}): CorpusParts => ({
    profiles: [valdoria, kesh, tajarin],
    directory,
    teams: [],
    diagnostics: [],
    ...over,
  });
  const corpus = assembleCorpus(parts());

  it('links profiles to directory actors by slug of the name or by profile:', () => {
    expect(corpus.actorOfProfile.get('valdoria')?.code).toBe('VAL');
    expect(corpus.actorOfProfile.get('keshi-federation')?.code).toBe('KSH');
    expect(corpus.actorByCode.get('VAL')?.profileId).toBe('valdoria');
    expect(corpus.actorByCode.get('ORU')?.profileId).toBeUndefined();
  });

  it('warns at file:line about codes and categories the directory does not know', () => {
    expect(lines(corpus.diagnostics)).toEqual([
      'profiles/tajarin.txt:1: warning: "Tajarin" has no entry in the actor directory (add one with profile: tajarin); it is found by name only',
      'profiles/valdoria.txt:8: warning: code ZZQ is not in the actor directory: shown as the raw code',
      'profiles/valdoria.txt:10: warning: category "Frenemies" is not in the directory: shown as written, meaning not given',
    ]);
  });

  it('synthesises an actor for a profile the directory lacks', () => {
    const actor = corpus.actorOfProfile.get('tajarin');
    expect(actor).toMatchObject({
      code: 'TAJARIN',
      name: 'Tajarin',
      kind: 'other',
      aliases: [],
      profileId: 'tajarin',
      inDirectory: false,
    });
    expect(corpus.actors.filter((a) => !a.inDirectory)).toEqual([actor]);
    expect(corpus.actors).toHaveLength(4);
  });

  it('a made-up actor never takes the code of a directory actor', () => {
    // Filed as val.txt, but VAL already has its profile: this one stands alone, under a code of its own.
    const val = profile('profiles/val.txt', 'Valmont Free State\n');
    const c = assembleCorpus(parts({ profiles: [valdoria, val] }));
    expect(c.actorOfProfile.get('val')).toMatchObject({ code: 'VAL-2', inDirectory: false });
    expect(c.actorByCode.get('VAL')).toMatchObject({ name: 'Valdoria', profileId: 'valdoria' });
    expect(new Set(c.actors.map((a) => a.code)).size).toBe(c.actors.length);
  });

  it('keeps the first of two profiles with the same id and warns about the other', () => {
    const again = profile('archive/valdoria.txt', 'Valdoria\n');
    const c = assembleCorpus(parts({ profiles: [valdoria, again] }));
    expect(c.profiles.map((p) => p.file)).toEqual(['profiles/valdoria.txt']);
    expect(lines(c.diagnostics)).toContain(
      'archive/valdoria.txt:1: warning: profile id "valdoria" is already used by profiles/valdoria.txt; this profile is not loaded',
    );
  });

  it('counts edges and gives categories their directory information, case-insensitively', () => {
    expect(edgeCount(corpus)).toBe(5);
    expect(categoryInfo(corpus, 'aaos')).toMatchObject({
      name: 'AAOs',
      polarity: 'unknown',
      inDirectory: true,
    });
    expect(categoryInfo(corpus, 'aaos')).not.toHaveProperty('meaning');
    expect(categoryInfo(corpus, 'Frenemies')).toEqual({
      name: 'Frenemies',
      polarity: 'unknown',
      colour: '#8A8F98',
      inDirectory: false,
    });
  });

  it('answers one shared category object per name, and another for another directory', () => {
    expect(categoryInfo(corpus, 'Allies')).toBe(categoryInfo(corpus, 'Allies'));
    expect(categoryInfo(corpus, 'Frenemies')).toBe(categoryInfo(corpus, 'Frenemies'));
    // The same name in another case is the same directory category, written as the directory writes it.
    expect(categoryInfo(corpus, 'allies')).toEqual(categoryInfo(corpus, 'Allies'));
    const recoloured = assembleCorpus(
      parts({
        directory: {
          ...directory,
          categories: directory.categories.map((c) => ({ ...c, colour: '#000000' })),
        },
      }),
    );
    expect(categoryInfo(recoloured, 'Allies')).not.toBe(categoryInfo(corpus, 'Allies'));
    expect(categoryInfo(recoloured, 'Allies').colour).toBe('#000000');
  });

  it('keeps the diagnostics it was given', () => {
    const given: Diagnostic = { severity: 'error', file: 'actors.yaml', line: 3, message: 'bad' };
    expect(assembleCorpus(parts({ diagnostics: [given] })).diagnostics[0]).toEqual(given);
  });

  it('binds team channels by code or profile id, and warns about a ref that is neither', () => {
    const c = assembleCorpus(
      parts({
        teams: [
          { channel: '900000000000000101', ref: 'ksh', line: 2 },
          { channel: '900000000000000102', ref: 'tajarin', line: 3 },
          { channel: '900000000000000103', ref: 'NOPE', line: 4 },
        ],
      }),
    );
    expect([...c.teamChannels]).toEqual([
      ['900000000000000101', 'KSH'],
      ['900000000000000102', 'TAJARIN'],
    ]);
    expect(lines(c.diagnostics)).toContain(
      'teams.yaml:4: warning: channel 900000000000000103 is bound to "NOPE", which is neither an actor code nor a profile id',
    );
  });
});
