import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMultipart } from './multipart.ts';

/** The body and content type undici (and so discord.js) writes for a form. */
async function serialise(form: FormData): Promise<{ raw: Buffer; type: string }> {
  const response = new Response(form);
  return { raw: Buffer.from(await response.arrayBuffer()), type: response.headers.get('content-type')! };
}

/** What the WHATWG parser reads from the same body: the reference the simulator's parser must agree with. */
async function reference(raw: Buffer, type: string) {
  const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
  const fields = new Map<string, string>();
  const files = [];
  for (const [field, value] of form.entries()) {
    if (typeof value === 'string') fields.set(field, value);
    else files.push({ field, filename: value.name, contentType: value.type, size: value.size });
  }
  return { fields, files };
}

describe('parseMultipart', () => {
  it('reads what undici writes, as the WHATWG parser does', async () => {
    const name = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.tuple(name, fc.string({ unit: 'grapheme', maxLength: 40 })), {
          maxLength: 3,
          selector: ([n]) => n,
        }),
        fc.array(fc.tuple(name, fc.uint8Array({ maxLength: 300 })), { maxLength: 3 }),
        async (texts, blobs) => {
          const form = new FormData();
          for (const [field, value] of texts) form.append(field, value);
          for (const [i, [filename, bytes]] of blobs.entries()) {
            form.append(`files[${i}]`, new Blob([bytes], { type: 'image/png' }), filename);
          }
          const { raw, type } = await serialise(form);
          expect(parseMultipart(raw, type)).toEqual(await reference(raw, type));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('finds a file whose bytes hold CRLF and dashes', async () => {
    const form = new FormData();
    form.append('payload_json', '{"content":"hi"}');
    form.append('files[0]', new Blob([Buffer.from('\r\n--\r\n--x\r\n\r\n')]), 'map.png');
    const { raw, type } = await serialise(form);
    const parsed = parseMultipart(raw, type);
    expect(parsed).toEqual(await reference(raw, type));
    expect('files' in parsed && parsed.files[0]!.size).toBe(13);
  });

  it('says what is wrong with a body it cannot read', () => {
    const type = 'multipart/form-data; boundary=b';
    expect(parseMultipart(Buffer.from('x'), 'multipart/form-data')).toEqual({
      error: 'multipart body without a boundary',
    });
    expect(parseMultipart(Buffer.from('nope'), type)).toHaveProperty('error');
    expect(
      parseMultipart(Buffer.from('--b\r\ncontent-disposition: form-data; name="a"\r\n\r\nunfinished'), type),
    ).toEqual({
      error: 'multipart body ends inside a part',
    });
    expect(
      parseMultipart(Buffer.from('--b\r\ncontent-disposition: form-data\r\n\r\nx\r\n--b--'), type),
    ).toEqual({
      error: 'multipart part without a name',
    });
  });
});
