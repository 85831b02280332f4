// HTTP plumbing for the REST side: read a JSON or multipart body the way Discord accepts them, and write
// Discord-shaped replies.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseMultipart } from './multipart.ts';
import type { SimFile } from './types.ts';

export interface ParsedBody {
  body: unknown;
  files: SimFile[];
  /** Set when the body could not be read; the route answers 400 and a violation is recorded. */
  error?: string;
}

async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** discord.js sends attachments as multipart with the JSON in `payload_json`; everything else as JSON. */
export async function readBody(req: IncomingMessage): Promise<ParsedBody> {
  const raw = await readRaw(req);
  const type = req.headers['content-type'] ?? '';
  if (raw.length === 0) return { body: undefined, files: [] };
  if (type.startsWith('multipart/form-data')) {
    const form = parseMultipart(raw, type);
    if ('error' in form) return { body: undefined, files: [], error: form.error };
    const json = form.fields.get('payload_json');
    try {
      return { body: json === undefined ? undefined : JSON.parse(json), files: form.files };
    } catch {
      return { body: json, files: form.files, error: 'payload_json is not JSON' };
    }
  }
  try {
    return { body: JSON.parse(raw.toString('utf8')), files: [] };
  } catch {
    return {
      body: raw.toString('utf8'),
      files: [],
      error: `body is not JSON (content-type ${type || 'none'})`,
    };
  }
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...reply.headers };
  if (reply.body === undefined) {
    res.writeHead(reply.status, headers).end();
    return;
  }
  const text = JSON.stringify(reply.body);
  headers['content-type'] = 'application/json';
  res.writeHead(reply.status, headers).end(text);
}

/** The error body Discord sends: `{ message, code }`, plus `errors` for form validation. */
export function discordError(status: number, code: number, message: string, errors?: unknown): Reply {
  return { status, body: errors === undefined ? { message, code } : { message, code, errors } };
}

export const errors = {
  unauthorized: () => discordError(401, 0, '401: Unauthorized'),
  notFound: () => discordError(404, 0, '404: Not Found'),
  unknownInteraction: () => discordError(404, 10062, 'Unknown interaction'),
  alreadyAcknowledged: () => discordError(400, 40060, 'Interaction has already been acknowledged.'),
  unknownWebhook: () => discordError(404, 10015, 'Unknown Webhook'),
  unknownMessage: () => discordError(404, 10008, 'Unknown Message'),
  invalidFormBody: (messages: string[]) =>
    discordError(400, 50035, 'Invalid Form Body', {
      _errors: messages.map((message) => ({ code: 'INVALID', message })),
    }),
};
