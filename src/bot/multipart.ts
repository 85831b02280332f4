// A message with files as one multipart/form-data body, made in a single buffer. Given the files, discord.js builds
// a FormData that undici then streams part by part; for a 133 KB map picture that cost the bot's main thread
// about twice the CPU of sending one buffer (README, Performance), and maps are sent twenty at a time while
// autocomplete waits its turn.
import { randomBytes } from 'node:crypto';
import type { Attachment } from '../render/reply.ts';

export interface MultipartBody {
  body: Buffer;
  contentType: string;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  txt: 'text/plain',
  json: 'application/json',
};

export function contentTypeOf(name: string): string {
  const extension = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase();
  return (extension && CONTENT_TYPES[extension]) || 'application/octet-stream';
}

/** As browsers write a form's names: a quote or a line break would end the header early. */
function headerValue(text: string): string {
  return text.replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/"/g, '%22');
}

/** `files[i]` parts, then `payload_json`, as Discord documents uploads. */
export function multipartBody(payload: unknown, files: readonly Attachment[]): MultipartBody {
  const boundary = `----dossier${randomBytes(16).toString('hex')}`;
  const chunks: Buffer[] = [];
  files.forEach((file, i) => {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files[${i}]"; filename="${headerValue(file.name)}"\r\n` +
          `Content-Type: ${contentTypeOf(file.name)}\r\n\r\n`,
      ),
      file.data,
      Buffer.from('\r\n'),
    );
  });
  chunks.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="payload_json"\r\nContent-Type: application/json\r\n\r\n` +
        `${JSON.stringify(payload)}\r\n--${boundary}--\r\n`,
    ),
  );
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}
