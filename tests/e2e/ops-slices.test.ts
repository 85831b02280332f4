// The reload builds everything a slice at a time (and a large actor directory in a worker thread) so that the bot
// keeps answering; these checks hold it to losing nothing on 600 generated fictional profiles (enough for the
// directory to go to the worker).
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildEngine, type Engine } from '../../src/engine.ts';
import { assembleCorpus, assembleCorpusInSlices, type Corpus } from '../../src/profiles/corpus.ts';
import { parseDirectory } from '../../src/profiles/directory.ts';
import { loadCorpus } from '../../src/profiles/loadCorpus.ts';
import { OFF_THREAD_CHARS, parseDirectoryOffThread } from '../../src/profiles/parseDirectoryOffThread.ts';
import { sectionDocuments } from '../../src/search/sectionDocuments.ts';
import { copyFixtureData, generatedActor, generateProfiles, type TempData } from './opsSupport.ts';

const PROFILES = 600;

let data: TempData;
let corpus: Corpus;

beforeAll(async () => {
  data = await copyFixtureData();
  await generateProfiles(data, PROFILES);
  corpus = await loadCorpus(data.dir);
});

afterAll(async () => {
  await data?.remove();
});

it('parses a large directory off the main thread into exactly what parseDirectory gives', async () => {
  const text = `${await readFile(data.actorsFile, 'utf8')}  - code: not-a-code\n    name: Broken Entry\n    kind: state\n`;
  expect(text.length).toBeGreaterThan(OFF_THREAD_CHARS);
  const offThread = await parseDirectoryOffThread(text, 'actors.yaml');
  expect(offThread).toEqual(parseDirectory(text, 'actors.yaml'));
  expect(offThread.directory.actors).toHaveLength(PROFILES + 8);
  expect(offThread.diagnostics).toEqual([
    expect.objectContaining({ severity: 'error', line: text.split('\n').length - 3 }),
  ]);
});

it('assembles the same corpus in slices as in one go', async () => {
  const directory = parseDirectory(await readFile(data.actorsFile, 'utf8'), 'actors.yaml').directory;
  const parts = () => ({
    profiles: [...corpus.profiles],
    directory,
    teams: [{ channel: '900000000000000101', ref: 'KSH', line: 3 }],
    diagnostics: [],
    loadedAt: corpus.loadedAt,
  });
  const sliced = await assembleCorpusInSlices(parts());
  expect(sliced).toEqual(assembleCorpus(parts()));
  expect(sliced.profiles).toHaveLength(PROFILES + 3);
  expect(sliced.diagnostics).toEqual([]);
});

it('builds an engine in slices that loses nothing: every actor, name, listing and section', async () => {
  const engine: Engine = await buildEngine(corpus);
  const some = [generatedActor(0), generatedActor(377), generatedActor(PROFILES - 1)];
  for (const actor of some) {
    expect(engine.actors.match(actor.name, 1).map((m) => m.actor.code)).toEqual([actor.code]);
    expect(engine.actors.match(actor.code, 1).map((m) => m.actor.code)).toEqual([actor.code]);
  }
  expect(engine.actors.match('', 10_000)).toHaveLength(corpus.actors.length);
  const text = `${some[0]!.name} and ${some[1]!.name} Union met Valdoria; ${some[2]!.code} stayed away.`;
  expect(engine.names.find(text).map((a) => a.code)).toEqual([
    some[0]!.code,
    some[1]!.code,
    'VAL',
    some[2]!.code,
  ]);
  // Every code every profile lists is one edge toward that code, in the profile's category.
  const listings = corpus.profiles.flatMap((p) =>
    (p.relationships?.categories ?? []).flatMap((c) =>
      c.codes.map(({ code }) => ({ p: p.id, c: c.name, code })),
    ),
  );
  expect(engine.graph.edgeCount).toBe(listings.length);
  for (const code of ['VAL', 'KSH', some[1]!.code]) {
    const toward = engine.graph.toward(corpus.actorByCode.get(code)!);
    const expected = listings.filter((l) => l.code === code).map((l) => [l.p, l.c]);
    expect(toward.edges.map((e) => [e.profileId, e.category]).sort()).toEqual(expected.sort());
  }
  const sections = corpus.profiles.reduce((n, p) => n + sectionDocuments(corpus, p).length, 0);
  expect(engine.sections.size).toBe(sections);
  const hit = engine.sections.search(`number 377`);
  expect(hit.hits[0]?.section.profileId).toBe(corpus.actorByCode.get(some[1]!.code)!.profileId);
});
