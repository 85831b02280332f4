// The multipart body the bot sends with files, read back by the WHATWG form-data parser that fetch's Response uses.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentTypeOf, multipartBody } from '../../src/bot/multipart.ts';

async function readBack(payload: unknown, files: { name: string; data: Buffer }[]) {
  const { body, contentType } = multipartBody(payload, files);
  return new Response(body, { headers: { 'content-type': contentType } }).formData();
}

describe('multipartBody', () => {
  it('holds each file as files[i] with its name and type, and the payload as payload_json', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 255]);
    const text = Buffer.from('Freedonia\r\n--not a boundary\r\n');
    const payload = { type: 4, data: { content: 'map', attachments: [{ id: '0', filename: 'map.png' }] } };
    const form = await readBack(payload, [
      { name: 'map.png', data: png },
      { name: 'notes.txt', data: text },
    ]);
    const first = form.get('files[0]') as File;
    const second = form.get('files[1]') as File;
    expect(first.name).toBe('map.png');
    expect(first.type).toBe('image/png');
    expect(Buffer.from(await first.arrayBuffer())).toEqual(png);
    expect(second.name).toBe('notes.txt');
    expect(second.type).toBe('text/plain');
    expect(Buffer.from(await second.arrayBuffer())).toEqual(text);
    expect(JSON.parse(form.get('payload_json') as string)).toEqual(payload);
    expect([...form.keys()]).toEqual(['files[0]', 'files[1]', 'payload_json']);
  });

  it('keeps a quote or a line break in a file name from ending its header', async () => {
    const { body } = multipartBody({}, [{ name: 'a"b\r\nc.png', data: Buffer.from('x') }]);
    expect(body.toString()).toContain('filename="a%22b%0D%0Ac.png"');
    // The form-data parser decodes them as browsers encode them.
    const form = await readBack({}, [{ name: 'a"b\r\nc.png', data: Buffer.from('x') }]);
    expect((form.get('files[0]') as File).name).toBe('a"b\r\nc.png');
    expect(form.get('payload_json')).toBe('{}');
  });

  it('uses a boundary of its own for each body', () => {
    const a = multipartBody({}, [{ name: 'a.png', data: Buffer.from('x') }]).contentType;
    const b = multipartBody({}, [{ name: 'a.png', data: Buffer.from('x') }]).contentType;
    expect(a).toMatch(/^multipart\/form-data; boundary=-+dossier[0-9a-f]{32}$/);
    expect(a).not.toBe(b);
  });

  it('gives any bytes back unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), fc.jsonValue(), async (bytes, payload) => {
        const form = await readBack(payload, [{ name: 'data.bin', data: Buffer.from(bytes) }]);
        const file = form.get('files[0]') as File;
        expect(new Uint8Array(await file.arrayBuffer())).toEqual(bytes);
        expect(file.type).toBe('application/octet-stream');
        expect(JSON.parse(form.get('payload_json') as string)).toEqual(JSON.parse(JSON.stringify(payload)));
      }),
      { numRuns: 50 },
    );
  });
});

describe('contentTypeOf', () => {
  it('names the type by extension, whatever its case, and octet-stream otherwise', () => {
    expect(contentTypeOf('map.PNG')).toBe('image/png');
    expect(contentTypeOf('photo.jpeg')).toBe('image/jpeg');
    expect(contentTypeOf('README')).toBe('application/octet-stream');
    expect(contentTypeOf('archive.tar.gz')).toBe('application/octet-stream');
  });
});
