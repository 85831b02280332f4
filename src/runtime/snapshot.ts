// The built section index, saved in STATE_DIR with what it was built from (each file's hash and parse), so a
// restart re-reads the data, re-parses and re-indexes only what changed while Dossier was down.
//
// The file is a header line (format, Dossier's version), the body, and a trailer line with the body's length, the
// sizes of its parts and its CRC-32. The body is JSON (the files, the index's documents and words), a line break,
// then the index's numbers as little-endian 32-bit integers: its field lengths, then its postings
// (TermIndex.save). It is written a slice at a time into a temporary file and renamed over the old one, so a crash
// mid-write leaves the previous snapshot; reading checks the header, the sizes and the checksum before parsing, so
// a truncated or damaged file is never trusted. A bad snapshot is moved aside (kept for a look) and rebuilt.
import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { z } from 'zod';
import type { Logger } from '../log/logger.ts';
import type { LoadedFiles, ParsedProfileFile } from '../profiles/loadCorpus.ts';
import type { SavedSectionIndex } from '../search/sectionIndex.ts';
import { Slicer } from '../slices.ts';

/**
 * Bumped whenever what is saved, or how it is read back, changes. 2: the index's terms are stems. 3: the index is
 * a TermIndex, its numbers in binary. 4: the checksum is a CRC-32 (three times faster than SHA-1 over 100 MB,
 * and a snapshot needs to notice damage, not resist forgery).
 */
export const SNAPSHOT_FORMAT = 4;
const WRITE_CHUNK = 1 << 20;
const LIST_SLICE = 5000;
const BINARY_CHUNK = 4 << 20;

const headerSchema = z.object({ format: z.number(), dossier: z.string() });
const count = z.number().int().nonnegative();
const trailerSchema = z.object({
  bytes: count,
  json: count,
  lengths: count,
  postings: count,
  crc32: count,
});
const bodySchema = z.object({
  profiles: z.array(
    z.tuple([
      z.string(),
      z.object({
        hash: z.string(),
        fingerprint: z.string().optional(),
        profile: z.unknown(),
        diagnostics: z.array(z.unknown()),
      }),
    ]),
  ),
  directory: z
    .object({ hash: z.string(), directory: z.unknown(), diagnostics: z.array(z.unknown()) })
    .nullable(),
  teams: z.object({ hash: z.string() }).nullable(),
  /** SHA-1 of the indexed documents: ties the index to the documents this version of Dossier makes. */
  documents: z.string(),
  index: z.object({
    fields: z.array(z.string()),
    ids: z.array(z.string().nullable()),
    terms: z.array(z.string().nullable()),
  }),
});

export interface Snapshot {
  files: LoadedFiles;
  sections: SavedSectionIndex;
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
  const sizes = trailer.data;
  if (body.length !== sizes.bytes)
    throw new SnapshotError(`cut short or padded (${body.length} bytes, expected ${sizes.bytes})`);
  if (crc32(body) !== sizes.crc32) throw new SnapshotError('damaged (its checksum does not match)');
  if (sizes.json + 1 + (sizes.lengths + sizes.postings) * 4 !== body.length || body[sizes.json] !== 0x0a)
    throw new SnapshotError('its parts do not add up to its length');
  const parsed = bodySchema.safeParse(parseJson(body.subarray(0, sizes.json)));
  if (!parsed.success)
    throw new SnapshotError(`not in the expected shape: ${parsed.error.issues[0]?.message}`);
  const { profiles, directory, teams, documents, index } = parsed.data;
  const numbers = body.subarray(sizes.json + 1);
  return {
    files: {
      profiles: new Map(profiles as [string, ParsedProfileFile][]),
      directory: directory as LoadedFiles['directory'],
      teams,
    },
    sections: {
      documents,
      index: {
        ...index,
        lengths: int32s(numbers.subarray(0, sizes.lengths * 4)),
        postings: int32s(numbers.subarray(sizes.lengths * 4)),
      },
    },
  };
}

/** Little-endian 32-bit integers, copied into an aligned array. */
function int32s(bytes: Buffer): Int32Array {
  const numbers = new Int32Array(bytes.length / 4);
  if (LITTLE_ENDIAN) new Uint8Array(numbers.buffer).set(bytes);
  else for (let i = 0; i < numbers.length; i++) numbers[i] = bytes.readInt32LE(i * 4);
  return numbers;
}

/** Bytes of 32-bit integers as they are laid out in the file. */
function int32Bytes(numbers: Int32Array): Buffer {
  if (LITTLE_ENDIAN) return Buffer.from(numbers.buffer, numbers.byteOffset, numbers.byteLength);
  const bytes = Buffer.alloc(numbers.length * 4);
  for (let i = 0; i < numbers.length; i++) bytes.writeInt32LE(numbers[i]!, i * 4);
  return bytes;
}

const LITTLE_ENDIAN = new Uint8Array(new Int32Array([1]).buffer)[0] === 1;

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

export class SnapshotCancelled extends Error {}

/** A Slicer whose pauses end the work by throwing SnapshotCancelled once `cancelled` says so. */
export class CancellableSlicer extends Slicer {
  constructor(private readonly cancelled: () => boolean) {
    super();
  }

  override async pause(): Promise<void> {
    await super.pause();
    if (this.cancelled()) throw new SnapshotCancelled('snapshot write cancelled');
  }
}

/**
 * Writes a snapshot a slice at a time, so a bot keeps answering while it is written. `cancelled` is asked between
 * slices: a reload cancels the write, whose content it is about to replace.
 */
export async function writeSnapshot(
  file: string,
  version: string,
  content: { files: LoadedFiles; sections: SavedSectionIndex },
  cancelled: () => boolean = () => false,
): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.tmp-${process.pid}`;
  const handle = await open(temp, 'w');
  let checksum = 0;
  let bytes = 0;
  let pending: string[] = [];
  let pendingLength = 0;
  const slicer = new CancellableSlicer(cancelled);
  const flush = async () => {
    const chunk = Buffer.from(pending.join(''), 'utf8');
    pending = [];
    pendingLength = 0;
    checksum = crc32(chunk, checksum);
    bytes += chunk.length;
    await handle.write(chunk);
  };
  const put = async (text: string) => {
    pending.push(text);
    pendingLength += text.length;
    if (pendingLength >= WRITE_CHUNK) await flush();
    if (slicer.due) await slicer.pause();
  };
  /** A long list of strings, a slice at a time. */
  const putList = async (items: readonly (string | null)[]) => {
    for (let i = 0; i < items.length; i += LIST_SLICE)
      await put(`${i > 0 ? ',' : ''}${JSON.stringify(items.slice(i, i + LIST_SLICE)).slice(1, -1)}`);
  };
  try {
    await handle.write(`${JSON.stringify({ format: SNAPSHOT_FORMAT, dossier: version })}\n`);
    const { files } = content;
    await put('{"profiles":[');
    let first = true;
    for (const entry of files.profiles) {
      await put(`${first ? '' : ','}${JSON.stringify(entry)}`);
      first = false;
    }
    await put(
      `],"directory":${JSON.stringify(files.directory)},"teams":${JSON.stringify(files.teams)},"documents":`,
    );
    const { index } = content.sections;
    await put(
      `${JSON.stringify(content.sections.documents)},"index":{"fields":${JSON.stringify(index.fields)},"ids":[`,
    );
    await putList(index.ids);
    await put('],"terms":[');
    await putList(index.terms);
    await put(']}}');
    await flush();
    const json = bytes;
    for (const part of [Buffer.from('\n'), int32Bytes(index.lengths), int32Bytes(index.postings)]) {
      // Tens of megabytes: checked and written a few at a time, between turns of other work.
      for (let at = 0; at < part.length; at += BINARY_CHUNK) {
        const chunk = part.subarray(at, at + BINARY_CHUNK);
        checksum = crc32(chunk, checksum);
        bytes += chunk.length;
        await handle.write(chunk);
        if (slicer.due) await slicer.pause();
      }
    }
    await handle.write(
      `\n${JSON.stringify({ bytes, json, lengths: index.lengths.length, postings: index.postings.length, crc32: checksum })}\n`,
    );
    await handle.sync();
    await handle.close();
    await rename(temp, file);
  } catch (err) {
    await handle.close().catch(() => {});
    await rm(temp, { force: true }).catch(() => {});
    throw err;
  }
}
