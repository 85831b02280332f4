// Minimal PNG writer for the painted RGBA pixels. skia's own PNG encoder spends most of the frame budget on
// compression; unfiltered rows with a fast zlib level cost a third of that for a similar file size,
// because the picture is mostly flat colour.
import { crc32, deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * The rows with their filter bytes, reused from one picture to the next: megabytes outside the JS heap that V8
 * counts towards its next full collection, made afresh for every map.
 */
let scratch = Buffer.alloc(0);

/** 8-bit RGBA, non-interlaced; every row uses filter type 0. */
export function encodePng(rgba: Buffer, width: number, height: number): Buffer {
  const stride = width * 4;
  if (rgba.length !== stride * height) throw new Error('pixel buffer does not match the image size');
  const size = (stride + 1) * height;
  if (scratch.length < size) scratch = Buffer.allocUnsafe(size);
  const raw = scratch.subarray(0, size);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0;
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8);
  header.writeUInt8(6, 9);
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 3 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
