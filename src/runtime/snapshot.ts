// The built section index, saved in STATE_DIR with what it was built from (each file's hash and parse), so a
// restart re-reads the data, re-parses and re-indexes only what changed while Dossier was down.
//
// The file is three lines: a header (format, Dossier's version), the body (JSON), and a trailer with the body's
// length and SHA-1. It is written a slice at a time into a temporary file and renamed over the old one, so a
// crash mid-write leaves the previous snapshot; reading checks the header, the length and the hash before parsing,
// so a truncated or damaged file is never trusted. A bad snapshot is moved aside (kept for a look) and rebuilt.
import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import MiniSearch, { type AsPlainObject } from 'minisearch';
import { z } from 'zod';
import type { Logger } from '../log/logger.ts';
import type { LoadedFiles, ParsedProfileFile } from '../profiles/loadCorpus.ts';
import { Slicer } from '../slices.ts';

/** Bumped whenever what is saved, or how it is read back, changes. 2: the index's terms are stems. */
export const SNAPSHOT_FORMAT = 2;
const WRITE_CHUNK = 1 << 20;

const headerSchema = z.object({ format: z.number(), dossier: z.string() });
const trailerSchema = z.object({ bytes: z.number().int().nonnegative(), sha1: z.string() });
const bodySchema = z.object({
  profiles: z.array(
    z.tuple([
      z.string(),
      z.object({ hash: z.string(), profile: z.unknown(), diagnostics: z.array(z.unknown()) }),
    ]),
  ),
  directory: z
    .object({ hash: z.string(), directory: z.unknown(), diagnostics: z.array(z.unknown()) })
    .nullable(),
  teams: z.object({ hash: z.string() }).nullable(),
  /** SHA-1 of the indexed documents: ties the index to the documents this version of Dossier makes. */
  documents: z.string(),
  index: z.object({ documentCount: z.number(), serializationVersion: z.literal(2) }).passthrough(),
});

export interface Snapshot {
  files: LoadedFiles;
  documents: string;
  index: AsPlainObject;
}

export class SnapshotError extends Error {}

/** One snapshot per data directory, so two bots sharing a STATE_DIR never overwrite each other's. */
export function snapshotFile(stateDir: string, dataDir: string): string {
  const key = createHash('sha1').update(path.resolve(dataDir)).digest('hex').slice(0, 12);
  return path.join(stateDir, `index-${key}.snapshot`);
}

/**
 * The snapshot, or null when there is none. A snapshot that cannot be trusted (another format or version,
 * truncated, damaged) is logged, moved aside and reported as none.
 */
export async function readSnapshot(file: string, version: string, logger: Logger): Promise<Snapshot | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      logger.info({ file }, 'no index snapshot yet: building the index');
      return null;
    }
    logger.warn({ file, err }, 'index snapshot unreadable: building the index');
    return null;
  }
  try {
    return parseSnapshot(bytes, version);
  } catch (err) {
    await setAside(file, (err as Error).message, logger);
    return null;
  }
}

export function parseSnapshot(bytes: Buffer, version: string): Snapshot {
  const firstBreak = bytes.indexOf(0x0a);
  const lastBreak = bytes.lastIndexOf(0x0a, bytes.length - 2);
  if (firstBreak < 0 || lastBreak <= firstBreak) throw new SnapshotError('not a snapshot, or cut short');
  const header = headerSchema.safeParse(parseJson(bytes.subarray(0, firstBreak)));
  if (!header.success) throw new SnapshotError('not a snapshot (no header)');
  if (header.data.format !== SNAPSHOT_FORMAT || header.data.dossier !== version)
    throw new SnapshotError(
      `written by another version (format ${header.data.format}, Dossier ${header.data.dossier}; this is format ${SNAPSHOT_FORMAT}, Dossier ${version})`,
    );
  const trailer = trailerSchema.safeParse(parseJson(bytes.subarray(lastBreak + 1)));
  if (!trailer.success) throw new SnapshotError('cut short (no trailer)');
  const body = bytes.subarray(firstBreak + 1, lastBreak);
  if (body.length !== trailer.data.bytes)
    throw new SnapshotError(`cut short or padded (${body.length} bytes, expected ${trailer.data.bytes})`);
  if (createHash('sha1').update(body).digest('hex') !== trailer.data.sha1)
    throw new SnapshotError('damaged (its checksum does not match)');
  const parsed = bodySchema.safeParse(parseJson(body));
  if (!parsed.success)
    throw new SnapshotError(`not in the expected shape: ${parsed.error.issues[0]?.message}`);
  const { profiles, directory, teams, documents, index } = parsed.data;
  return {
    files: {
      profiles: new Map(profiles as [string, ParsedProfileFile][]),
      directory: directory as LoadedFiles['directory'],
      teams,
    },
    documents,
    index: index as unknown as AsPlainObject,
  };
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new SnapshotError('not valid JSON');
  }
}

/** Renames a bad snapshot to `<name>.bad-<time>` (or removes it when even that fails), and says why. */
export async function setAside(file: string, why: string, logger: Logger): Promise<void> {
  const aside = `${file}.bad-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  try {
    await rename(file, aside);
    logger.warn({ file, movedTo: aside }, `index snapshot not used: ${why}; moved aside, building the index`);
  } catch {
    await rm(file, { force: true }).catch(() => {});
    logger.warn({ file }, `index snapshot not used: ${why}; removed, building the index`);
  }
}

/** What MiniSearch keeps, read for serialising it in slices (the same JSON as its own toJSON). */
interface Internals {
  _documentCount: number;
  _nextId: number;
  _documentIds: Map<number, unknown>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _storedFields: Map<number, unknown>;
  _dirtCount: number;
  _index: Iterable<[string, Map<number, Map<number, number>>]>;
}

export class SnapshotCancelled extends Error {}

/**
 * Writes a snapshot a slice at a time, so a bot keeps answering while it is written. `cancelled` is asked between
 * slices: the index must not change while it is read, so a reload cancels the write before it updates the index.
 */
export async function writeSnapshot(
  file: string,
  version: string,
  content: { files: LoadedFiles; documents: string; mini: MiniSearch<never> | MiniSearch<unknown> },
  cancelled: () => boolean = () => false,
): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.tmp-${process.pid}`;
  const handle = await open(temp, 'w');
  const hash = createHash('sha1');
  let bytes = 0;
  let pending: string[] = [];
  let pendingLength = 0;
  const slicer = new Slicer();
  const flush = async () => {
    const chunk = Buffer.from(pending.join(''), 'utf8');
    pending = [];
    pendingLength = 0;
    hash.update(chunk);
    bytes += chunk.length;
    await handle.write(chunk);
  };
  const put = async (text: string) => {
    pending.push(text);
    pendingLength += text.length;
    if (pendingLength >= WRITE_CHUNK) await flush();
    if (slicer.due) {
      await slicer.pause();
      if (cancelled()) throw new SnapshotCancelled('snapshot write cancelled');
    }
  };
  const putEntries = async <V>(entries: Iterable<[number | string, V]>, value: (v: V) => string) => {
    let first = true;
    for (const [key, v] of entries) {
      await put(`${first ? '' : ','}${JSON.stringify(String(key))}:${value(v)}`);
      first = false;
    }
  };
  try {
    await handle.write(`${JSON.stringify({ format: SNAPSHOT_FORMAT, dossier: version })}\n`);
    const { files, documents } = content;
    await put('{"profiles":[');
    let first = true;
    for (const entry of files.profiles) {
      await put(`${first ? '' : ','}${JSON.stringify(entry)}`);
      first = false;
    }
    await put(
      `],"directory":${JSON.stringify(files.directory)},"teams":${JSON.stringify(files.teams)},"documents":${JSON.stringify(documents)},"index":`,
    );
    const ix = content.mini as unknown as Internals;
    await put(`{"documentCount":${ix._documentCount},"nextId":${ix._nextId},"documentIds":{`);
    await putEntries(ix._documentIds, (id) => JSON.stringify(id));
    await put(`},"fieldIds":${JSON.stringify(ix._fieldIds)},"fieldLength":{`);
    await putEntries(ix._fieldLength, (l) => JSON.stringify(l));
    await put(`},"averageFieldLength":${JSON.stringify(ix._avgFieldLength)},"storedFields":{`);
    await putEntries(ix._storedFields, (s) => JSON.stringify(s));
    await put(`},"dirtCount":${ix._dirtCount},"index":[`);
    first = true;
    for (const [term, fields] of ix._index) {
      const parts: string[] = [];
      for (const [fieldId, postings] of fields) {
        const docs: string[] = [];
        for (const [doc, freq] of postings) docs.push(`"${doc}":${freq}`);
        parts.push(`"${fieldId}":{${docs.join(',')}}`);
      }
      await put(`${first ? '' : ','}[${JSON.stringify(term)},{${parts.join(',')}}]`);
      first = false;
    }
    await put('],"serializationVersion":2}}');
    await flush();
    await handle.write(`\n${JSON.stringify({ bytes, sha1: hash.digest('hex') })}\n`);
    await handle.sync();
    await handle.close();
    await rename(temp, file);
  } catch (err) {
    await handle.close().catch(() => {});
    await rm(temp, { force: true }).catch(() => {});
    throw err;
  }
}

/** MiniSearch from a snapshot, with the options it was built with; built a few thousand entries at a time. */
export function loadIndex<T>(index: AsPlainObject, options: ConstructorParameters<typeof MiniSearch<T>>[0]) {
  return MiniSearch.loadJSAsync<T>(index, options);
}
