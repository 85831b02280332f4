// loadCorpus over real and fixture data directories, and `npm run validate` run as the child process CI runs:
// its summary line, every problem as `file:line: severity: message`, exit codes, and a clean error for a bad path.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { edgeCount, errorCount } from '../../src/profiles/corpus.ts';
import { formatDiagnostic, sortDiagnostics } from '../../src/profiles/formatDiagnostic.ts';
import { DataDirectoryError, loadCorpus } from '../../src/profiles/loadCorpus.ts';
import { REPO_ROOT, repoPath } from './support.ts';

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

const run = promisify(execFile);

async function validate(...args: string[]): Promise<CliRun> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'src/profiles/validateCli.ts', ...args],
      { cwd: REPO_ROOT },
    );
    return { code: 0, stdout, stderr };
  } catch (e) {
    const failed = e as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('loadCorpus', () => {
  it('data/: the seed profile, 13 relationship edges, nothing to report', async () => {
    const corpus = await loadCorpus(repoPath('data'));
    expect(corpus.diagnostics).toEqual([]);
    expect(corpus.profiles.map((p) => p.id)).toEqual(['tajikistan']);
    expect(edgeCount(corpus)).toBe(13);
    expect(corpus.actorOfProfile.get('tajikistan')?.code).toBe('TJK');
    expect(corpus.categories.map((c) => c.name)).toEqual([
      'Allies',
      'Partners',
      'Rivals',
      'Adversaries',
      'AAOs',
    ]);
  });

  it('tests/fixtures/data: three profiles, no errors, the team channel bound', async () => {
    const corpus = await loadCorpus(repoPath('tests/fixtures/data'));
    expect(corpus.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(corpus.profiles.map((p) => p.id).sort()).toEqual(['kesh', 'oruna', 'valdoria']);
    expect([...corpus.teamChannels]).toEqual([['900000000000000101', 'KSH']]);
    const kesh = corpus.profileById.get('kesh')!;
    expect(kesh.sections.map((s) => s.heading)).toEqual(['History']);
    expect(kesh.interests?.items.map((i) => i.title)).toEqual(['Dams', 'Border Quiet']);
    expect(kesh.relationships?.categories.map((c) => [c.name, c.codes.map((x) => x.code)])).toEqual([
      ['Allies', []],
      ['Partners', ['PLX', 'ORU']],
      ['Rivals', ['VAL']],
      ['Adversaries', ['GRN']],
      ['AAOs', []],
    ]);
    expect(corpus.profileById.get('oruna')?.image).toBeNull();
  });

  it('tests/fixtures/broken: errors from every file, none hiding another', async () => {
    const corpus = await loadCorpus(repoPath('tests/fixtures/broken'));
    const files = new Set(corpus.diagnostics.map((d) => d.file));
    for (const file of [
      'actors.yaml',
      'teams.yaml',
      'profiles/bad-codes.txt',
      'profiles/empty.txt',
      'profiles/latin1.txt',
      'profiles/no-title.txt',
      'profiles/notes.md',
    ]) {
      expect(files.has(file), file).toBe(true);
    }
    expect(errorCount(corpus)).toBe(9);
    expect(corpus.profiles.map((p) => p.file)).toEqual(['profiles/bad-codes.txt']);
  });

  it('a missing directory, or one without profiles/, is a DataDirectoryError', async () => {
    await expect(loadCorpus(repoPath('tests/fixtures/no-such-dir'))).rejects.toThrow(DataDirectoryError);
    await expect(loadCorpus(repoPath('tests/fixtures/data/profiles'))).rejects.toThrow(
      /has no profiles\/ folder/,
    );
    await expect(loadCorpus(repoPath('tests/fixtures/data/actors.yaml'))).rejects.toThrow(
      /is not a directory/,
    );
  });

  describe('a directory built for the test', () => {
    let dir = '';
    beforeAll(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'dossier-profiles-'));
      await mkdir(path.join(dir, 'profiles'));
      await writeFile(
        path.join(dir, 'profiles', 'vessaria.txt'),
        'Vessaria\n\nRelationships\n\nAllies\n\nKDR\n',
      );
      await writeFile(path.join(dir, 'profiles', 'a-broken.txt'), 'Profile\n\nNo title here.\n');
      await writeFile(path.join(dir, 'profiles', 'z-broken.txt'), Uint8Array.from([0x4f, 0x6b, 0x0a, 0xff]));
      await writeFile(path.join(dir, 'profiles', '.hidden'), 'ignored without a word');
      await writeFile(path.join(dir, 'teams.yaml'), 'channels: [oops\n');
    });
    afterAll(async () => {
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('reports each bad file and still loads the good one; no actors.yaml is a warning', async () => {
      const corpus = await loadCorpus(dir);
      expect(corpus.profiles.map((p) => p.id)).toEqual(['vessaria']);
      expect(sortDiagnostics(corpus.diagnostics).map(formatDiagnostic)).toEqual([
        'actors.yaml:1: warning: no actor directory: codes are shown raw',
        'profiles/a-broken.txt:1: error: no title: the page starts with "Profile" instead of the actor\'s name',
        'profiles/vessaria.txt:1: warning: "Vessaria" has no entry in the actor directory (add one with profile: vessaria); it is found by name only',
        'profiles/vessaria.txt:5: warning: category "Allies" is not in the directory: shown as written, meaning not given',
        'profiles/vessaria.txt:7: warning: code KDR is not in the actor directory: shown as the raw code',
        'profiles/z-broken.txt:2: error: file is not valid UTF-8',
        expect.stringMatching(/^teams\.yaml:2: error: /),
      ]);
    });
  });
});

describe('npm run validate', () => {
  let broken: CliRun;
  let data: CliRun;
  let missing: CliRun;
  let join: CliRun;
  beforeAll(async () => {
    [broken, data, missing, join] = await Promise.all([
      validate('tests/fixtures/broken'),
      validate('data'),
      validate('tests/fixtures/no-such-dir'),
      validate('tests/fixtures/join'),
    ]);
  }, 30_000);

  it('prints the code each profile joined, and how when its title alone does not say', () => {
    expect(join.code).toBe(0);
    expect(join.stdout.split('\n')).toEqual([
      'profiles/amaran.txt: Amaran (AMR, Sovereign Republic of Amaran): 2 interests, 0 other sections, 3 relationships',
      'profiles/brannoch.txt: Brannoch Collective (BRANNOCH, not in the directory): 1 interest, 0 other sections, 1 relationship',
      'profiles/darova.txt: Darova (DAROVA, not in the directory): 1 interest, 0 other sections, 1 relationship',
      'profiles/okaro-federation.txt: Federation of Okaro (OKR, Okaro, by profile: okaro-federation): 1 interest, 0 other sections, 1 relationship',
      'profiles/hlx.txt: Halix Isles (HLX, Commonwealth of Halix, by file name): 1 interest, 0 other sections, 1 relationship',
      'profiles/norvask.txt: People’s Union of Norvask (PUN): 1 interest, 0 other sections, 2 relationships',
      'profiles/saint-emeric.txt: Saint Emeric (SEM, Republic of Saint-Émeric): 1 interest, 0 other sections, 2 relationships',
      'profiles/zemaran.txt: The Zemaran Emirate (ZMR): 1 interest, 0 other sections, 2 relationships',
      'profiles/vesk.txt: Vesk (VSK, Federal Republic of Vesk): 2 interests, 0 other sections, 4 relationships',
      'tests/fixtures/join: 9 profiles, 14 actors, 5 categories, 17 relationship edges, 0 team channels, 0 errors, 2 warnings',
      'profiles/brannoch.txt:3: warning: "Brannoch Collective" has no entry in the actor directory (add one with profile: brannoch); it is found by name only',
      expect.stringMatching(/^profiles\/darova\.txt:3: warning: "Darova" could be any of DRV .* DLM /),
      '',
    ]);
  });

  it('data/: exit 0 and a summary of 1 profile and 13 relationship edges', () => {
    expect(data.code).toBe(0);
    expect(data.stderr).toBe('');
    expect(data.stdout.split('\n')).toEqual([
      'profiles/tajikistan.txt: Tajikistan (TJK): 3 interests, 0 other sections, 13 relationships',
      'data: 1 profile, 28 actors, 5 categories, 13 relationship edges, 0 team channels, 0 errors, 0 warnings',
      '',
    ]);
  });

  it('tests/fixtures/broken: exit 1, every problem on its own file:line line, sorted', () => {
    expect(broken.code).toBe(1);
    expect(broken.stderr).toBe('');
    const out = broken.stdout.split('\n');
    expect(out[0]).toBe(
      'profiles/bad-codes.txt: Valdoria (VAL): 0 interests, 0 other sections, 3 relationships',
    );
    expect(out[1]).toBe(
      'tests/fixtures/broken: 1 profile, 1 actor, 1 category, 3 relationship edges, 0 team channels, 9 errors, 8 warnings',
    );
    expect(out.slice(2)).toEqual([
      'actors.yaml:5: error: categories.0.colour: a colour is #rrggbb',
      'actors.yaml:14: error: code VAL is defined twice; the first definition is used',
      'actors.yaml:19: error: actors.2.kind: Invalid option: expected one of "state"|"de facto authority"|"non-state armed group"|"political movement"|"organisation"|"other"',
      'profiles/bad-codes.txt:5: warning: code KSH is not under a category heading, so its relationship is unknown',
      'profiles/bad-codes.txt:7: warning: category "Allies" is not in the directory: shown as written, meaning not given',
      'profiles/bad-codes.txt:9: error: "R.U.S" is not an actor code (2–6 letters or digits, e.g. RUS)',
      'profiles/bad-codes.txt:10: warning: code ORU is not in the actor directory: shown as the raw code',
      'profiles/bad-codes.txt:11: warning: ORU is listed twice under Allies; the repeat is ignored',
      'profiles/bad-codes.txt:12: error: "12" is not an actor code (2–6 letters or digits, e.g. RUS)',
      'profiles/bad-codes.txt:16: warning: ORU is listed under both Allies and Rivals',
      'profiles/bad-codes.txt:16: warning: code ORU is not in the actor directory: shown as the raw code',
      'profiles/bad-codes.txt:17: warning: code ZZZ is not in the actor directory: shown as the raw code',
      'profiles/empty.txt:1: error: file is empty',
      'profiles/latin1.txt:5: error: file is not valid UTF-8',
      'profiles/no-title.txt:3: error: no title: the page starts with "Profile" instead of the actor\'s name',
      'profiles/notes.md:1: warning: not a profile (profiles end in .txt); ignored',
      'teams.yaml:2: error: channels.not-a-channel: a channel id is a 17–20 digit snowflake',
      '',
    ]);
  });

  it('every diagnostic line has the file:line: severity: message shape', () => {
    for (const line of broken.stdout.split('\n').slice(2, -1)) {
      expect(line).toMatch(/^[\w./-]+:\d+: (error|warning): \S/);
    }
  });

  it('a missing directory: exit 1, one clear line, no stack trace', () => {
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toBe(
      'error: data directory tests/fixtures/no-such-dir does not exist or is not a directory\n',
    );
  });
});
