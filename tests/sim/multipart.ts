// multipart/form-data as discord.js sends it (undici's FormData): parts found with Buffer.indexOf on the raw
// body. Parsing through the WHATWG `Response.formData()` copied each file several times and held the
// simulator's event loop for milliseconds per map upload, which the bench then counted against the bot.
import type { SimFile } from './types.ts';

export interface MultipartForm {
  /** Text parts by field name (`payload_json` among them). */
  fields: Map<string, string>;
  files: SimFile[];
}

const CRLF = Buffer.from('\r\n');
const HEADERS_END = Buffer.from('\r\n\r\n');

function boundaryOf(contentType: string): string | undefined {
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

const ESCAPED: Record<string, string> = { '%22': '"', '%0D': '\r', '%0A': '\n' };

/**
 * One header's parameter, e.g. `name` of `form-data; name="files[0]"; filename="map.png"`. FormData writes `"`,
 * CR and LF in names as %22, %0D and %0A, and the WHATWG parser reads them back.
 */
function parameter(header: string, name: string): string | undefined {
  const match = new RegExp(`;\\s*${name}="([^"]*)"`, 'i').exec(header);
  return match?.[1]?.replace(/%22|%0D|%0A/gi, (code) => ESCAPED[code.toUpperCase()]!);
}

export function parseMultipart(raw: Buffer, contentType: string): MultipartForm | { error: string } {
  const boundary = boundaryOf(contentType);
  if (!boundary) return { error: 'multipart body without a boundary' };
  const delimiter = Buffer.from(`--${boundary}`);
  if (raw.indexOf(delimiter) !== 0) return { error: 'multipart body does not start with its boundary' };
  const fields = new Map<string, string>();
  const files: SimFile[] = [];
  let at = delimiter.length;
  const between = Buffer.concat([CRLF, delimiter]);
  for (;;) {
    if (raw.subarray(at, at + 2).toString('latin1') === '--') return { fields, files };
    if (raw.indexOf(CRLF, at) !== at) return { error: 'malformed multipart boundary line' };
    const headersEnd = raw.indexOf(HEADERS_END, at);
    if (headersEnd < 0) return { error: 'multipart part without the end of its headers' };
    const headers = new Map<string, string>();
    for (const line of raw
      .subarray(at + 2, headersEnd)
      .toString('utf8')
      .split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    const end = raw.indexOf(between, headersEnd + 4);
    if (end < 0) return { error: 'multipart body ends inside a part' };
    const disposition = headers.get('content-disposition') ?? '';
    const field = parameter(disposition, 'name');
    if (field === undefined) return { error: 'multipart part without a name' };
    const filename = parameter(disposition, 'filename');
    const body = raw.subarray(headersEnd + 4, end);
    if (filename === undefined) fields.set(field, body.toString('utf8'));
    else
      files.push({
        field,
        filename,
        contentType: headers.get('content-type') ?? 'application/octet-stream',
        size: body.length,
      });
    at = end + between.length;
  }
}
