// The built section index, saved in STATE_DIR with what it was built from (each file's hash and parse), so a
// restart re-reads the data, re-parses and re-indexes only what changed while Dossier was down.
//
// The file is a header line (format, Dossier's version with the digest of its indexing code, V8's version), the
// body, and a trailer line with the body's length, the sizes of its parts and its CRC-32. The body is JSON (the
// directory, the index's document ids and words), a line break, the parsed profiles in batches serialised by V8
// (structured clone: read back in about half the time JSON.parse takes over the same profiles), then the index's
// numbers as little-endian 32-bit integers: its field lengths, then its postings (TermIndex.save). It is written a
// slice at a time into a temporary file and renamed over the old one, so a crash mid-write leaves the previous
// snapshot; reading checks the header, the sizes and the checksum before parsing, so a truncated or damaged file is
// never trusted. A bad snapshot is moved aside (kept for a look) and rebuilt.
import { createHash } from 'node:crypto';
import { type FileHandle, mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { crc32 } from 'node:zlib';
import { z } from 'zod';
import type { Logger } from '../log/logger.ts';
import type { LoadedFiles, ParsedProfileFile } from '../profiles/loadCorpus.ts';
import { releaseBuffer } from '../releaseBuffer.ts';
import type { SavedSectionIndex } from '../search/sectionIndex.ts';
import { Slicer } from '../slices.ts';

/**
 * Bumped whenever what is saved, or how it is read back, changes. 2: the index's terms are stems. 3: the index is
 * a TermIndex, its numbers in binary. 4: the checksum is a CRC-32 (three times faster than SHA-1 over 100 MB,
 * and a snapshot needs to notice damage, not resist forgery). 5: the parsed profiles serialised by V8. 6: no digest
 * of the indexed documents (the header's version names the code that makes them: snapshotVersion.ts).
 */
export const SNAPSHOT_FORMAT = 6;
/** Profiles serialised together: a few milliseconds of work each way. */
const PROFILE_BATCH = 100;
/** Batches are larger past this many, so the trailer that lists their sizes stays within END_BYTES. */
const MAX_BATCHES = 4000;
const WRITE_CHUNK = 1 << 20;
const LIST_SLICE = 5000;
const BINARY_CHUNK = 4 << 20;

const headerSchema = z.object({ format: z.number(), dossier: z.string(), v8: z.string().optional() });
const count = z.number().int().nonnegative();
const trailerSchema = z.object({
  bytes: count,
  json: count,
  /** Bytes of each batch of serialised profiles. */
  profiles: z.array(count),
  lengths: count,
  postings: count,
  crc32: count,
});
const profileBatchSchema = z.array(
  z.tuple([
    z.string(),
    z.object({
      hash: z.string(),
      fingerprint: z.string().optional(),
      profile: z.unknown(),
      diagnostics: z.array(z.unknown()),
    }),
  ]),
);
const bodySchema = z.object({
  directory: z
    .object({
      hash: z.string(),
      fingerprint: z.string().optional(),
      directory: z.unknown(),
      diagnostics: z.array(z.unknown()),
    })
    .nullable(),
  teams: z.object({ hash: z.string() }).nullable(),
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
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      logger.info({ file }, 'no index snapshot yet: building the index');
      return null;
    }
    logger.warn({ file, err }, 'index snapshot unreadable: building the index');
    return null;
  }
  let snapshot: Snapshot;
  try {
    const { size } = await handle.stat();
    snapshot = await parseFrom(
      { size, read: (into, position) => readFully(handle, into, position) },
      version,
    );
  } catch (err) {
    await handle.close().catch(() => {});
    if (err instanceof SnapshotError) await setAside(file, err.message, logger);
    else logger.warn({ file, err }, 'index snapshot unreadable: building the index');
    return null;
  }
  await handle.close().catch(() => {});
  return snapshot;
}

/** The snapshot in these bytes; throws SnapshotError when they cannot be trusted. */
export function parseSnapshot(bytes: Buffer, version: string): Promise<Snapshot> {
  return parseFrom(
    {
      size: bytes.length,
      read: async (into, position) => {
        into.set(bytes.subarray(position, position + into.length));
        return Math.min(into.length, Math.max(0, bytes.length - position));
      },
    },
    version,
  );
}

/** Where a snapshot is read from: `read` fills `into` from `position` on and says how many bytes it read. */
interface SnapshotSource {
  size: number;
  read(into: Uint8Array, position: number): Promise<number>;
}

async function readFully(handle: FileHandle, into: Uint8Array, position: number): Promise<number> {
  let done = 0;
  while (done < into.length) {
    const { bytesRead } = await handle.read(into, done, into.length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return done;
}

/**
 * Header and trailer are a line each (the trailer lists the sizes of the batches of profiles): this much of either
 * end of the file holds them.
 */
const END_BYTES = 1 << 16;
/** A snapshot's JSON is read this much at a time. */
const READ_CHUNK = 8 << 20;

/**
 * Reads each part of the body straight into what it becomes (the JSON into a buffer, the profiles a batch at a time
 * into one reused buffer, the numbers into their own Int32Arrays), checking the sizes before reading and the
 * checksum before trusting what was parsed: a 130 MB snapshot is never read whole and then copied apart.
 */
async function parseFrom(source: SnapshotSource, version: string): Promise<Snapshot> {
  const { size } = source;
  const head = await readPart(source, 0, Math.min(size, END_BYTES));
  const firstBreak = head.indexOf(0x0a);
  const tail = await readPart(source, Math.max(0, size - END_BYTES), Math.min(size, END_BYTES));
  const tailStart = size - tail.length;
  const lastBreak = tailStart + tail.lastIndexOf(0x0a, tail.length - 2);
  if (firstBreak < 0 || lastBreak < tailStart || lastBreak <= firstBreak || tail[tail.length - 1] !== 0x0a)
    throw new SnapshotError('not a snapshot, or cut short');
  const header = headerSchema.safeParse(parseJson(head.subarray(0, firstBreak)));
  if (!header.success) throw new SnapshotError('not a snapshot (no header)');
  const { format, dossier, v8 } = header.data;
  if (format !== SNAPSHOT_FORMAT || dossier !== version || v8 !== process.versions.v8)
    throw new SnapshotError(
      `written by another version (format ${format}, Dossier ${dossier}, V8 ${v8}; this is format ${SNAPSHOT_FORMAT}, Dossier ${version}, V8 ${process.versions.v8})`,
    );
  const trailer = trailerSchema.safeParse(parseJson(tail.subarray(lastBreak - tailStart + 1)));
  if (!trailer.success) throw new SnapshotError('cut short (no trailer)');
  const sizes = trailer.data;
  const bodyStart = firstBreak + 1;
  const bodyLength = lastBreak - bodyStart;
  if (bodyLength !== sizes.bytes)
    throw new SnapshotError(`cut short or padded (${bodyLength} bytes, expected ${sizes.bytes})`);
  const profileBytes = sizes.profiles.reduce((a, b) => a + b, 0);
  if (sizes.json + 1 + profileBytes + (sizes.lengths + sizes.postings) * 4 !== bodyLength)
    throw new SnapshotError('its parts do not add up to its length');
  // Reading overlaps the work on what was read: the checksum is taken a chunk at a time while the next chunk is
  // read, and the numbers are read while the profiles are deserialised. The checksum still decides first: a
  // damaged file is reported as damaged, whatever its content then looked like.
  const json = Buffer.allocUnsafe(sizes.json + 1);
  let checksum = await readSummed(source, json, bodyStart, 0);
  const profilesAt = bodyStart + json.length;
  const lengths = new Int32Array(sizes.lengths);
  const postings = new Int32Array(sizes.postings);
  const lengthBytes = new Uint8Array(lengths.buffer);
  const postingBytes = new Uint8Array(postings.buffer);
  const numbersAt = profilesAt + profileBytes;
  const numbers = Promise.all([
    readInto(source, lengthBytes, numbersAt),
    readInto(source, postingBytes, numbersAt + lengthBytes.length),
  ]);
  let body: unknown;
  const entries: [string, ParsedProfileFile][] = [];
  let unreadable: unknown = null;
  try {
    if (json[sizes.json] !== 0x0a) throw new SnapshotError('its parts do not add up to its length');
    body = parseJson(json.subarray(0, sizes.json));
  } catch (err) {
    unreadable = err;
  }
  releaseBuffer(json);
  // The profiles come a batch at a time through one buffer: the first touch of fresh memory costs about as much
  // as reading into it, and a buffer for all of them would be 75 MB at ten thousand profiles, touched once.
  const batchBuffer = Buffer.allocUnsafe(Math.max(0, ...sizes.profiles));
  let at = profilesAt;
  for (const batchBytes of sizes.profiles) {
    const bytes = batchBuffer.subarray(0, batchBytes);
    await readInto(source, bytes, at);
    at += batchBytes;
    checksum = crc32(bytes, checksum);
    if (unreadable) continue;
    try {
      const batch = profileBatchSchema.safeParse(deserializeBatch(bytes));
      if (!batch.success)
        throw new SnapshotError(`profiles not in the expected shape: ${batch.error.issues[0]?.message}`);
      for (const entry of batch.data) entries.push(entry as [string, ParsedProfileFile]);
    } catch (err) {
      unreadable = err;
    }
  }
  releaseBuffer(batchBuffer);
  await numbers;
  checksum = crc32(postingBytes, crc32(lengthBytes, checksum));
  if (checksum !== sizes.crc32) throw new SnapshotError('damaged (its checksum does not match)');
  if (unreadable) throw unreadable;
  if (!LITTLE_ENDIAN) {
    fromLittleEndian(lengths);
    fromLittleEndian(postings);
  }
  const parsed = bodySchema.safeParse(body);
  if (!parsed.success)
    throw new SnapshotError(`not in the expected shape: ${parsed.error.issues[0]?.message}`);
  const { directory, teams, index } = parsed.data;
  return {
    files: {
      profiles: new Map(entries),
      directory: directory as LoadedFiles['directory'],
      teams,
    },
    sections: { index: { ...index, lengths, postings } },
  };
}

async function readPart(source: SnapshotSource, position: number, length: number): Promise<Buffer> {
  const part = Buffer.allocUnsafe(length);
  await readInto(source, part, position);
  return part;
}

function deserializeBatch(bytes: Buffer): unknown {
  try {
    return deserialize(bytes);
  } catch {
    throw new SnapshotError('profiles not readable');
  }
}

/**
 * Fills `into` from `position`, a chunk at a time, checksumming each chunk (on from `checksum`) while the next
 * one is read.
 */
async function readSummed(
  source: SnapshotSource,
  into: Buffer,
  position: number,
  checksum: number,
): Promise<number> {
  let reading = readInto(source, into.subarray(0, READ_CHUNK), position);
  for (let at = 0; at < into.length; at += READ_CHUNK) {
    await reading;
    const next = at + READ_CHUNK;
    if (next < into.length)
      reading = readInto(source, into.subarray(next, next + READ_CHUNK), position + next);
    checksum = crc32(into.subarray(at, next), checksum);
  }
  return checksum;
}

async function readInto(source: SnapshotSource, into: Uint8Array, position: number): Promise<void> {
  if ((await source.read(into, position)) !== into.length) throw new SnapshotError('cut short while reading');
}

/** Integers read as little-endian bytes, put in this machine's order. */
function fromLittleEndian(numbers: Int32Array): void {
  const view = new DataView(numbers.buffer, numbers.byteOffset, numbers.byteLength);
  for (let i = 0; i < numbers.length; i++) numbers[i] = view.getInt32(i * 4, true);
}

/** Bytes of 32-bit integers as they are laid out in the file. */
function int32Bytes(numbers: Int32Array): Buffer {
  if (LITTLE_ENDIAN) return Buffer.from(numbers.buffer, numbers.byteOffset, numbers.byteLength);
  const bytes = Buffer.alloc(numbers.length * 4);
  for (let i = 0; i < numbers.length; i++) bytes.writeInt32LE(numbers[i]!, i * 4);
  return bytes;
}

const LITTLE_ENDIAN = new Uint8Array(new Int32Array([1]).buffer)[0] === 1;

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
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
    await handle.write(
      `${JSON.stringify({ format: SNAPSHOT_FORMAT, dossier: version, v8: process.versions.v8 })}\n`,
    );
    const { files } = content;
    await put(
      `{"directory":${JSON.stringify(files.directory)},"teams":${JSON.stringify(files.teams)},"index":`,
    );
    const { index } = content.sections;
    await put(`{"fields":${JSON.stringify(index.fields)},"ids":[`);
    await putList(index.ids);
    await put('],"terms":[');
    await putList(index.terms);
    await put(']}}');
    await flush();
    const json = bytes;
    const putBytes = async (part: Buffer) => {
      checksum = crc32(part, checksum);
      bytes += part.length;
      await handle.write(part);
      if (slicer.due) await slicer.pause();
    };
    await putBytes(Buffer.from('\n'));
    const entries = [...files.profiles];
    const batches: number[] = [];
    const perBatch = Math.max(PROFILE_BATCH, Math.ceil(entries.length / MAX_BATCHES));
    for (let i = 0; i < entries.length; i += perBatch) {
      const batch = serialize(entries.slice(i, i + perBatch));
      batches.push(batch.length);
      await putBytes(batch);
      releaseBuffer(batch);
    }
    // Tens of megabytes: checked and written a few at a time, between turns of other work.
    for (const part of [int32Bytes(index.lengths), int32Bytes(index.postings)])
      for (let at = 0; at < part.length; at += BINARY_CHUNK)
        await putBytes(part.subarray(at, at + BINARY_CHUNK));
    const trailer = {
      bytes,
      json,
      profiles: batches,
      lengths: index.lengths.length,
      postings: index.postings.length,
      crc32: checksum,
    };
    await handle.write(`\n${JSON.stringify(trailer)}\n`);
    await handle.sync();
    await handle.close();
    await rename(temp, file);
  } catch (err) {
    await handle.close().catch(() => {});
    await rm(temp, { force: true }).catch(() => {});
    throw err;
  }
}
