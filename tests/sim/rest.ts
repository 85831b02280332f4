// The REST pipeline: record every request, match it to a route, apply injected faults, check the bot
// token, validate the body, and answer unknown routes with a Discord-shaped 404 recorded as unexpected.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { discordError, errors, type Reply, readBody, send } from './http.ts';
import type { SimRequest, Violation } from './types.ts';
import type { BodyContext, BodyKind } from './validateBody.ts';

export const API_PREFIX = '/api/v10';

export interface RouteContext {
  request: SimRequest;
  params: Record<string, string>;
  /** Runs the spec and limit checks on the body; returns the 400 to send when Discord would refuse it. */
  validate(kind: BodyKind, context?: { existingFlags?: number }): Reply | undefined;
}

export interface Route {
  method: string;
  /** Template with `{param}` segments, e.g. `/interactions/{id}/{token}/callback`. */
  path: string;
  /** Whether Discord requires `Authorization: Bot <token>` (interaction webhooks carry none). */
  auth: boolean;
  handle(ctx: RouteContext): Reply;
}

export interface RestHost {
  token: string;
  rejectInvalidBodies: boolean;
  record(request: SimRequest): void;
  unexpected(request: SimRequest): void;
  /** Validates a body and records each finding as a violation; returns the findings. */
  check(route: string, kind: BodyKind, body: unknown, context: BodyContext): string[];
  violation(route: string, source: Violation['source'], message: string): void;
  /** An injected failure for this request, if one is pending and matches. */
  takeFault(request: SimRequest, route: Route, params: Record<string, string>): Reply | undefined;
  /** A promise to wait for before acting on this request (a held request), or undefined to go on at once. */
  hold?(request: SimRequest): Promise<unknown> | undefined;
  /** The same, after the route has acted and before its reply is sent. */
  holdReply?(request: SimRequest): Promise<unknown> | undefined;
  changed(): void;
}

interface CompiledRoute {
  route: Route;
  regex: RegExp;
  names: string[];
}

function compile(route: Route): CompiledRoute {
  const names: string[] = [];
  const source = route.path
    .split('/')
    .map((segment) => {
      const param = /^\{(\w+)\}$/.exec(segment);
      if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(param[1]!);
      return '([^/]+)';
    })
    .join('/');
  return { route, regex: new RegExp(`^${source}$`), names };
}

/** discord.js percent-encodes path segments: `@original` arrives as `%40original`. */
function decodePath(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

export function createRestHandler(host: RestHost, routes: Route[]) {
  const compiled = routes.map(compile);

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const parsed = await readBody(req);
    const full = decodePath(url.pathname);
    const inApi = full.startsWith(`${API_PREFIX}/`);
    const request: SimRequest = {
      method: req.method ?? 'GET',
      path: inApi ? full.slice(API_PREFIX.length) : full,
      query: Object.fromEntries(url.searchParams),
      body: parsed.body,
      files: parsed.files,
      authorization: req.headers.authorization,
      time: Date.now(),
      route: undefined,
      status: 0,
    };
    host.record(request);
    const held = host.hold?.(request);
    // A held request may be dropped: its connection is cut and nothing acts on it.
    if (held && (await held) === 'drop') {
      res.destroy();
      host.changed();
      return;
    }

    const reply = ((): Reply => {
      for (const { route, regex, names } of compiled) {
        if (route.method !== request.method || !inApi) continue;
        const match = regex.exec(request.path);
        if (!match) continue;
        const params = Object.fromEntries(names.map((name, i) => [name, match[i + 1] ?? '']));
        const routeName = `${route.method} ${route.path}`;
        request.route = routeName;

        const fault = host.takeFault(request, route, params);
        if (fault) return fault;
        if (route.auth && request.authorization !== `Bot ${host.token}`) return errors.unauthorized();
        if (parsed.error) {
          host.violation(routeName, 'protocol', parsed.error);
          return discordError(400, 50109, 'The request body contains invalid JSON.');
        }
        const validate = (kind: BodyKind, context: { existingFlags?: number } = {}): Reply | undefined => {
          const findings = host.check(routeName, kind, request.body, {
            ...context,
            hasFiles: request.files.length > 0,
          });
          if (findings.length === 0 || !host.rejectInvalidBodies) return undefined;
          return errors.invalidFormBody(findings);
        };
        return route.handle({ request, params, validate });
      }
      host.unexpected(request);
      return errors.notFound();
    })();

    request.status = reply.status;
    const heldReply = host.holdReply?.(request);
    if (heldReply && (await heldReply) === 'drop') {
      res.destroy();
      host.changed();
      return;
    }
    send(res, reply);
    host.changed();
  };
}
