// The reload builds everything a slice at a time (and a large actor directory in a worker thread) so that the bot
// keeps answering; these checks hold it to giving exactly what the one-go builders give, on 600 generated
// fictional profiles (enough for the directory to go to the worker).
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildEngine, buildEngineSync, type Engine } from '../../src/engine.ts';
import { assembleCorpus, assembleCorpusInSlices, type Corpus } from '../../src/profiles/corpus.ts';
import { parseDirectory } from '../../src/profiles/directory.ts';
import { loadCorpus } from '../../src/profiles/loadCorpus.ts';
import { OFF_THREAD_CHARS, parseDirectoryOffThread } from '../../src/profiles/parseDirectoryOffThread.ts';
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

it('builds an engine in slices that answers exactly as one built in one go', async () => {
  const sliced: Engine = await buildEngine(corpus);
  const whole = buildEngineSync(corpus);
  const some = [generatedActor(0), generatedActor(377), generatedActor(PROFILES - 1)];
  for (const query of ['val', 'kesh', 'ORU', some[1]!.name, some[2]!.code, 'kalo', 'renmark union', '']) {
    expect(sliced.actors.match(query, 25)).toEqual(whole.actors.match(query, 25));
  }
  const text = `${some[0]!.name} and ${some[1]!.name} Union met Valdoria; ${some[2]!.code} stayed away.`;
  expect(sliced.names.find(text).map((a) => a.code)).toEqual(whole.names.find(text).map((a) => a.code));
  expect(sliced.names.find(text)).toHaveLength(4);
  for (const code of ['VAL', 'KSH', some[1]!.code]) {
    const actor = corpus.actorByCode.get(code)!;
    expect(sliced.graph.of(actor)).toEqual(whole.graph.of(actor));
    expect(sliced.graph.toward(actor)).toEqual(whole.graph.toward(actor));
  }
  expect(sliced.graph.edgeCount).toBe(whole.graph.edgeCount);
  expect(sliced.sections.size).toBe(whole.sections.size);
  for (const query of ['salt ports', 'ferries Sarn', `number 377`, 'harbour tolls grain']) {
    expect(sliced.sections.search(query)).toEqual(whole.sections.search(query));
  }
});
