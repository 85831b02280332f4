// One pino logger for the process. The token is removed from every line, wherever it appears.
import pino, { type Logger } from 'pino';

export type { Logger };

const REDACTED = '[redacted]';

export function createLogger(options: {
  level: string;
  token?: string;
  destination?: pino.DestinationStream;
}): Logger {
  const { token } = options;
  const scrub = (value: unknown, depth = 0): unknown => {
    if (!token || depth > 6) return value;
    if (typeof value === 'string') return value.includes(token) ? value.split(token).join(REDACTED) : value;
    if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
    if (value instanceof Error) {
      // Message and stack are not enumerable: copy them by name, and keep the prototype for the err serializer.
      const copy = Object.create(Object.getPrototypeOf(value)) as Record<string, unknown>;
      for (const key of Object.getOwnPropertyNames(value))
        copy[key] = scrub((value as unknown as Record<string, unknown>)[key], depth + 1);
      return copy;
    }
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = scrub(v, depth + 1);
      return out;
    }
    return value;
  };
  return pino(
    {
      level: options.level,
      base: { app: 'dossier' },
      redact: {
        paths: [
          'token',
          '*.token',
          'headers.authorization',
          '*.headers.authorization',
          'DISCORD_TOKEN',
          '*.DISCORD_TOKEN',
        ],
        censor: REDACTED,
      },
      formatters: { log: (obj) => scrub(obj) as Record<string, unknown> },
      serializers: { err: (e: unknown) => scrub(pino.stdSerializers.err(e as Error)) },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => scrub(a)) as Parameters<typeof method>);
        },
      },
    },
    options.destination,
  );
}

/** Short, readable, unambiguous reference shown to a user and written in the log line of the same failure. */
export function newRef(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let ref = '';
  for (let i = 0; i < 6; i++) ref += alphabet[Math.floor(Math.random() * alphabet.length)];
  return ref;
}
