// How discord.js's REST client sends a request: through undici, as its default does, but answered by an instance of
// a class. The default answers with an object literal that defines a getter (`bodyUsed`) on each answer, and V8
// keeps such a per-object accessor's closure, and through it the response, its body stream and its request, alive
// through every minor collection until a full one. Serving 100 autocompletes a second, the bot's scavenges promoted
// about 1.5 MB each and paused it 6-10 ms; answered by this class, about 0.65 MB and 4-5 ms (README, Performance).
import { STATUS_CODES } from 'node:http';
import { types } from 'node:util';
import type { ResponseLike } from 'discord.js';
import { type Dispatcher, Headers, request } from 'undici';

type Init = Parameters<typeof request>[1] & { body?: unknown };

/** The body as undici takes it: what discord.js builds (a string, bytes or a FormData) passes as it is. */
async function resolveBody(body: unknown): Promise<unknown> {
  if (body == null || typeof body === 'string' || types.isUint8Array(body)) return body ?? null;
  if (types.isArrayBuffer(body)) return new Uint8Array(body);
  if (body instanceof URLSearchParams) return body.toString();
  if (body instanceof DataView) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof Blob) return new Uint8Array(await body.arrayBuffer());
  if (body instanceof FormData) return body;
  if (typeof body === 'object' && Symbol.iterator in body) {
    return Buffer.concat([...(body as Iterable<Uint8Array>)]);
  }
  if (typeof body === 'object' && Symbol.asyncIterator in body) {
    const chunks: Uint8Array[] = [];
    for await (const chunk of body as AsyncIterable<Uint8Array>) chunks.push(chunk);
    return Buffer.concat(chunks);
  }
  throw new TypeError('Unable to resolve the request body.');
}

/** One answer; its getters live on the prototype, so no answer defines an accessor of its own. */
export class RestResponse {
  readonly body: Dispatcher.ResponseData['body'];
  readonly headers: Headers;
  readonly status: number;

  constructor(response: Dispatcher.ResponseData) {
    this.body = response.body;
    this.headers = new Headers(response.headers as Record<string, string | string[]>);
    this.status = response.statusCode;
  }

  get statusText(): string {
    return STATUS_CODES[this.status] ?? '';
  }

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  get bodyUsed(): boolean {
    return this.body.bodyUsed;
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    return this.body.arrayBuffer();
  }

  json(): Promise<unknown> {
    return this.body.json();
  }

  text(): Promise<string> {
    return this.body.text();
  }
}

/** `rest.makeRequest` for discord.js: the same request its default sends, answered by a RestResponse. */
export async function makeRestRequest(url: string, init: object): Promise<ResponseLike> {
  const options = { ...(init as Init), body: await resolveBody((init as Init).body) } as Init;
  return new RestResponse(await request(url, options)) as unknown as ResponseLike;
}
