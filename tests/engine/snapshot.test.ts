// The index snapshot in STATE_DIR: a restart from it answers as a fresh build does, with or without changes made
// while Dossier was down; it is written as JSON and flat numbers, atomically; and a snapshot that is missing,
// stale, truncated, damaged, from another version or written by other indexing code is logged, moved aside and
// rebuilt, never trusted and never a crash.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { deserialize } from 'node:v8';
import { crc32 } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildEngine, type Engine } from '../../src/engine.ts';
import { createLogger } from '../../src/log/logger.ts';
import { loadData } from '../../src/profiles/loadCorpus.ts';
import { EngineHolder } from '../../src/runtime/engineHolder.ts';
import {
  parseSnapshot,
  SNAPSHOT_FORMAT,
  SnapshotCancelled,
  snapshotFile,
  writeSnapshot,
} from '../../src/runtime/snapshot.ts';
import { snapshotVersion } from '../../src/runtime/snapshotVersion.ts';
import { DOSSIER_VERSION } from '../../src/version.ts';
import { copyFixtureData, profileText, type TempData } from '../e2e/opsSupport.ts';

let data: TempData;
let stateDir: string;
let lines: { level: number; msg: string; [k: string]: unknown }[];

const logger = () =>
  createLogger({
    level: 'debug',
    destination: new Writable({
      write(chunk, _enc, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    }),
  });

beforeEach(async () => {
  data = await copyFixtureData();
  stateDir = await mkdtemp(path.join(tmpdir(), 'dossier-state-'));
  lines = [];
});
afterEach(async () => {
  await data.remove();
  await rm(stateDir, { recursive: true, force: true });
});

const file = () => snapshotFile(stateDir, data.dir);

/** Search, resolution and relations answers, as plain data. */
function answers(engine: Engine): unknown {
  const queries = ['harbour', 'grain barges', 'valdoria', 'kesh tolls', 'harbor', 'oruna'];
  return {
    search: queries.map((q) => {
      const r = engine.sections.search(q, { limit: 50 });
      return [r.total, r.mode, r.hits.map((h) => [h.section.id, h.score, h.terms])];
    }),
    actors: engine.corpus.actors.map((a) => [
      a.code,
      engine.actors.match(a.name, 5).map((m) => m.actor.code),
    ]),
    relations: engine.corpus.actors.map((a) => engine.graph.of(a)),
  };
}

async function freshAnswers(): Promise<unknown> {
  return answers(await buildEngine((await loadData(data.dir)).corpus));
}

async function saveSnapshot(): Promise<void> {
  const { corpus, files } = await loadData(data.dir);
  const engine = await buildEngine(corpus);
  await writeSnapshot(file(), snapshotVersion(), { files, sections: await engine.sections.save() });
}

async function start(): Promise<EngineHolder> {
  const holder = await EngineHolder.load(data.dir, logger(), { stateDir });
  await holder.close();
  return holder;
}

const loadedLine = () => lines.find((l) => l.msg === 'data loaded')!;
const setAsideLines = () => lines.filter((l) => l.msg.startsWith('index snapshot not used'));

describe('index snapshot', () => {
  it('is a header, JSON, the profiles, the index’s numbers and a checksum trailer, and reads back as written', async () => {
    const { corpus, files } = await loadData(data.dir);
    const engine = await buildEngine(corpus);
    const sections = await engine.sections.save();
    await writeSnapshot(file(), snapshotVersion(), { files, sections });
    const bytes = await readFile(file());
    const firstBreak = bytes.indexOf(10);
    const lastBreak = bytes.lastIndexOf(10, bytes.length - 2);
    expect(JSON.parse(bytes.subarray(0, firstBreak).toString())).toEqual({
      format: SNAPSHOT_FORMAT,
      dossier: snapshotVersion(),
      v8: process.versions.v8,
    });
    const trailer = JSON.parse(bytes.subarray(lastBreak + 1).toString());
    expect(trailer).toMatchObject({
      bytes: lastBreak - firstBreak - 1,
      lengths: sections.index.lengths.length,
      postings: sections.index.postings.length,
    });
    const json = JSON.parse(bytes.subarray(firstBreak + 1, firstBreak + 1 + trailer.json).toString());
    expect(json.index).toEqual({
      fields: sections.index.fields,
      ids: sections.index.ids,
      terms: sections.index.terms,
    });
    // The profiles follow the JSON's line break, in batches of the sizes the trailer lists.
    let at = firstBreak + 1 + trailer.json + 1;
    const entries: unknown[] = [];
    for (const batch of trailer.profiles as number[]) {
      entries.push(...deserialize(bytes.subarray(at, at + batch)));
      at += batch;
    }
    expect(entries).toEqual(JSON.parse(JSON.stringify([...files.profiles])));
    expect(at + (sections.index.lengths.length + sections.index.postings.length) * 4).toBe(lastBreak);
    const read = await parseSnapshot(bytes, snapshotVersion());
    expect(read.sections).toEqual(sections);
    expect(read.files).toEqual(files);
    expect(await readdir(stateDir)).toEqual([path.basename(file())]);
  });

  it('makes a restart with unchanged data answer as a fresh build, without rebuilding', async () => {
    await saveSnapshot();
    const holder = await start();
    expect(loadedLine().index).toBe('from snapshot (nothing changed since)');
    expect(answers(holder.engine)).toEqual(await freshAnswers());
    expect(holder.lastLoad.changes).toMatchObject({ added: [], removed: [], changed: [] });
  });

  it('applies only what changed while Dossier was down', async () => {
    await saveSnapshot();
    await writeFile(
      path.join(data.profilesDir, 'kesh.txt'),
      profileText('Kesh', 'Kesh now ferries quillwort across the marsh.', { Partners: ['VAL'] }),
    );
    await writeFile(
      path.join(data.profilesDir, 'brennick.txt'),
      profileText('Brennick', 'A new harbour.', {}),
    );
    await rm(path.join(data.profilesDir, 'oruna.txt'));
    const holder = await start();
    expect(loadedLine().index).toBe('from snapshot (1 added, 1 removed, 1 changed since)');
    expect(holder.lastLoad.changes).toMatchObject({
      added: ['brennick'],
      removed: ['oruna'],
      changed: ['kesh'],
    });
    expect(answers(holder.engine)).toEqual(await freshAnswers());
    expect(holder.engine.sections.search('quillwort').hits.map((h) => h.section.profileId)).toEqual(['kesh']);
  });

  it('is written when missing, and a restart then uses it', async () => {
    const first = await EngineHolder.load(data.dir, logger(), { stateDir });
    expect(lines.some((l) => l.msg === 'no index snapshot yet: building the index')).toBe(true);
    await expect
      .poll(() => lines.some((l) => l.msg === 'index snapshot saved'), { timeout: 10_000 })
      .toBe(true);
    await first.close();
    lines = [];
    await start();
    expect(loadedLine().index).toBe('from snapshot (nothing changed since)');
  });

  const bad: [string, (bytes: Buffer) => Buffer | string, RegExp][] = [
    ['truncated', (b) => b.subarray(0, Math.floor(b.length / 2)), /cut short/],
    ['cut one byte short', (b) => b.subarray(0, b.length - 2), /cut short|not valid JSON/],
    [
      'damaged',
      (b) => {
        const copy = Buffer.from(b);
        const at = copy.indexOf('"index"');
        copy[at + 3] = 'X'.charCodeAt(0);
        return copy;
      },
      /checksum/,
    ],
    [
      'damaged in its profiles',
      (b) => {
        const copy = Buffer.from(b);
        copy[firstProfileByte(copy) + 40]! ^= 0xff;
        return copy;
      },
      /checksum/,
    ],
    [
      'with profiles that do not deserialise, though its checksum is right',
      (b) => {
        const copy = Buffer.from(b);
        const at = firstProfileByte(copy);
        copy.fill(0xfe, at, at + (trailerOf(copy).profiles[0] ?? 0));
        return withChecksum(copy);
      },
      /profiles not readable|profiles not in the expected shape/,
    ],
    [
      'from another V8',
      (b) =>
        Buffer.concat([
          Buffer.from(`{"format":${SNAPSHOT_FORMAT},"dossier":"${snapshotVersion()}","v8":"0.0-other"}`),
          b.subarray(b.indexOf(10)),
        ]),
      /another version/,
    ],
    [
      'damaged in its numbers',
      (b) => {
        const copy = Buffer.from(b);
        copy[copy.lastIndexOf(10, copy.length - 2) - 9]! ^= 0xff;
        return copy;
      },
      /checksum/,
    ],
    [
      'with a trailer whose parts do not add up',
      (b) => {
        const at = b.lastIndexOf(10, b.length - 2) + 1;
        const trailer = JSON.parse(b.subarray(at).toString());
        return Buffer.concat([
          b.subarray(0, at),
          Buffer.from(`${JSON.stringify({ ...trailer, json: trailer.json - 4 })}\n`),
        ]);
      },
      /do not add up/,
    ],
    ['empty', () => '', /not a snapshot/],
    ['not a snapshot at all', () => 'hello\nworld\n', /not a snapshot/],
    [
      'from another version',
      (b) =>
        Buffer.concat([
          Buffer.from(`{"format":${SNAPSHOT_FORMAT},"dossier":"0.0.0-other"}`),
          b.subarray(b.indexOf(10)),
        ]),
      /another version/,
    ],
    [
      'written by this version with other indexing code',
      (b) =>
        Buffer.concat([
          Buffer.from(
            `{"format":${SNAPSHOT_FORMAT},"dossier":"${DOSSIER_VERSION}+code.0123456789abcdef","v8":"${process.versions.v8}"}`,
          ),
          b.subarray(b.indexOf(10)),
        ]),
      /another version/,
    ],
    [
      'of another format',
      (b) =>
        Buffer.concat([
          Buffer.from(`{"format":${SNAPSHOT_FORMAT + 1},"dossier":"${snapshotVersion()}"}`),
          b.subarray(b.indexOf(10)),
        ]),
      /another version/,
    ],
  ];
  for (const [what, spoil, why] of bad) {
    it(`is moved aside and rebuilt when ${what}`, async () => {
      await saveSnapshot();
      const bytes = await readFile(file());
      await expect(parseSnapshot(bytes, snapshotVersion())).resolves.toBeDefined();
      await writeFile(file(), spoil(bytes));
      const holder = await start();
      expect(setAsideLines()).toHaveLength(1);
      expect(setAsideLines()[0]!.msg).toMatch(why);
      expect(loadedLine().index).toBe('built');
      expect(answers(holder.engine)).toEqual(await freshAnswers());
      const names = await readdir(stateDir);
      expect(names.some((n) => n.startsWith(`${path.basename(file())}.bad-`))).toBe(true);
    });
  }

  it('is rebuilt when the saved parse does not match the saved index (stale state)', async () => {
    // This data's parse beside another data directory's index (one more profile): header, checksum and shape are
    // all fine, the index names a document this parse does not make.
    const other = await copyFixtureData();
    try {
      await writeFile(path.join(other.profilesDir, 'zarn.txt'), profileText('Zarn', 'Salt flats.', {}));
      const engine = await buildEngine((await loadData(other.dir)).corpus);
      const { files } = await loadData(data.dir);
      await writeSnapshot(file(), snapshotVersion(), { files, sections: await engine.sections.save() });
    } finally {
      await other.remove();
    }
    const holder = await start();
    expect(setAsideLines()).toHaveLength(1);
    expect(setAsideLines()[0]!.msg).toMatch(/other documents|not in the data/);
    expect(answers(holder.engine)).toEqual(await freshAnswers());
  });

  it('is moved aside when its index numbers are inconsistent though its checksum is right', async () => {
    const { corpus, files } = await loadData(data.dir);
    const engine = await buildEngine(corpus);
    const sections = await engine.sections.save();
    const postings = Int32Array.from(sections.index.postings);
    postings[1] = 1 << 30;
    await writeSnapshot(file(), snapshotVersion(), {
      files,
      sections: { ...sections, index: { ...sections.index, postings } },
    });
    const holder = await start();
    expect(setAsideLines()[0]!.msg).toMatch(/inconsistent/);
    expect(answers(holder.engine)).toEqual(await freshAnswers());
  });

  it('leaves the previous snapshot whole when a write is cancelled midway', async () => {
    await saveSnapshot();
    const before = await readFile(file());
    const { corpus, files } = await loadData(data.dir);
    const engine = await buildEngine(corpus);
    let asked = 0;
    const write = writeSnapshot(
      file(),
      snapshotVersion(),
      { files, sections: await engine.sections.save() },
      () => ++asked > 0,
    );
    // A slice ends only after some milliseconds; force one by keeping the loop busy.
    const busyUntil = performance.now() + 20;
    while (performance.now() < busyUntil);
    await write.catch((err) => expect(err).toBeInstanceOf(SnapshotCancelled));
    expect(await readFile(file())).toEqual(before);
    expect(await readdir(stateDir)).toEqual([path.basename(file())]);
  });
});

/** The snapshot's trailer line. */
function trailerOf(b: Buffer): { json: number; profiles: number[] } {
  return JSON.parse(b.subarray(b.lastIndexOf(10, b.length - 2) + 1).toString());
}

/** Where the serialised profiles start: after the header, the JSON and its line break. */
function firstProfileByte(b: Buffer): number {
  return b.indexOf(10) + 1 + trailerOf(b).json + 1;
}

/** The same bytes with the trailer's checksum made right for the body as it now is. */
function withChecksum(b: Buffer): Buffer {
  const lastBreak = b.lastIndexOf(10, b.length - 2);
  const trailer = JSON.parse(b.subarray(lastBreak + 1).toString());
  const body = b.subarray(b.indexOf(10) + 1, lastBreak);
  return Buffer.concat([
    b.subarray(0, lastBreak + 1),
    Buffer.from(`${JSON.stringify({ ...trailer, crc32: crc32(body) })}\n`),
  ]);
}
