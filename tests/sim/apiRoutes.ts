// REST routes for login and command registration: gateway discovery, the bot user, the application, and
// global and guild application commands.

import type { CommandStore } from './commandStore.ts';
import { discordError, type Reply } from './http.ts';
import { userObject } from './payloads.ts';
import type { Route } from './rest.ts';
import type { Json, SimGuild, SimUser } from './types.ts';

export interface ApiWorld {
  applicationId: string;
  bot: SimUser;
  shards: number;
  guilds: SimGuild[];
  gatewayUrl(): string;
  commands: CommandStore;
}

const ok = (body: unknown, status = 200): Reply => ({ status, body });
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function apiRoutes(world: ApiWorld): Route[] {
  const wrongApp = (app: string | undefined): Reply | undefined =>
    app === world.applicationId ? undefined : discordError(404, 10002, 'Unknown Application');
  const missingGuild = (guildId: string | undefined): Reply | undefined =>
    world.guilds.some((g) => g.id === guildId) ? undefined : discordError(403, 50001, 'Missing Access');

  return [
    {
      method: 'GET',
      path: '/gateway/bot',
      auth: true,
      handle: () =>
        ok({
          url: world.gatewayUrl(),
          shards: world.shards,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
        }),
    },
    { method: 'GET', path: '/gateway', auth: false, handle: () => ok({ url: world.gatewayUrl() }) },
    {
      method: 'GET',
      path: '/users/@me',
      auth: true,
      handle: () =>
        ok({ ...userObject(world.bot), bot: true, verified: true, mfa_enabled: false, email: null }),
    },
    {
      method: 'GET',
      path: '/applications/@me',
      auth: true,
      handle: () =>
        ok({
          id: world.applicationId,
          name: world.bot.username,
          icon: null,
          description: '',
          bot_public: false,
          bot_require_code_grant: false,
          verify_key: '0'.repeat(64),
          flags: 0,
          team: null,
          bot: userObject(world.bot),
          approximate_guild_count: world.guilds.length,
        }),
    },
    {
      method: 'GET',
      path: '/applications/{app}/commands',
      auth: true,
      handle: ({ params }) => wrongApp(params.app) ?? ok(world.commands.list()),
    },
    {
      method: 'PUT',
      path: '/applications/{app}/commands',
      auth: true,
      handle: ({ params, request, validate }) =>
        wrongApp(params.app) ??
        validate('commandList') ??
        ok(world.commands.overwrite(Array.isArray(request.body) ? request.body.filter(isObject) : [])),
    },
    {
      method: 'POST',
      path: '/applications/{app}/commands',
      auth: true,
      handle: ({ params, request, validate }) =>
        wrongApp(params.app) ?? validate('command') ?? ok(world.commands.upsert(request.body as Json), 201),
    },
    {
      method: 'GET',
      path: '/applications/{app}/guilds/{guild}/commands',
      auth: true,
      handle: ({ params }) =>
        wrongApp(params.app) ?? missingGuild(params.guild) ?? ok(world.commands.list(params.guild)),
    },
    {
      method: 'PUT',
      path: '/applications/{app}/guilds/{guild}/commands',
      auth: true,
      handle: ({ params, request, validate }) =>
        wrongApp(params.app) ??
        missingGuild(params.guild) ??
        validate('commandList') ??
        ok(
          world.commands.overwrite(
            Array.isArray(request.body) ? request.body.filter(isObject) : [],
            params.guild,
          ),
        ),
    },
    {
      method: 'POST',
      path: '/applications/{app}/guilds/{guild}/commands',
      auth: true,
      handle: ({ params, request, validate }) =>
        wrongApp(params.app) ??
        missingGuild(params.guild) ??
        validate('command') ??
        ok(world.commands.upsert(request.body as Json, params.guild), 201),
    },
  ];
}
