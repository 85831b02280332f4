// Registers Dossier's commands with Discord, only when they differ from what Discord already has: to one guild
// (instant, for testing) or globally.

import type { REST } from 'discord.js';
import type { RESTPostAPIApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { Routes } from 'discord-api-types/v10';

export type SyncOutcome = 'unchanged' | 'updated';

/** The fields we set, in a canonical form; Discord adds ids, versions and defaults we must not compare. */
function canonical(command: Record<string, unknown>): unknown {
  const pick = (o: Record<string, unknown>): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const key of [
      'type',
      'name',
      'description',
      'required',
      'autocomplete',
      'max_length',
      'min_length',
      'choices',
      'contexts',
      'integration_types',
    ]) {
      const v = o[key];
      if (v === undefined || v === false || (Array.isArray(v) && v.length === 0) || v === '') continue;
      out[key] = v;
    }
    if (Array.isArray(o.options) && o.options.length > 0)
      out.options = (o.options as Record<string, unknown>[]).map(pick);
    if (out.type === undefined) out.type = 1;
    return out;
  };
  return pick(command);
}

export function sameCommands(
  wanted: readonly RESTPostAPIApplicationCommandsJSONBody[],
  existing: readonly Record<string, unknown>[],
): boolean {
  const key = (list: readonly Record<string, unknown>[]) =>
    JSON.stringify(list.map(canonical).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))));
  return key(wanted as unknown as Record<string, unknown>[]) === key(existing);
}

export async function syncCommands(
  rest: REST,
  applicationId: string,
  guildId: string | undefined,
  wanted: readonly RESTPostAPIApplicationCommandsJSONBody[],
): Promise<SyncOutcome> {
  const route = guildId
    ? Routes.applicationGuildCommands(applicationId, guildId)
    : Routes.applicationCommands(applicationId);
  const existing = (await rest.get(route)) as Record<string, unknown>[];
  if (sameCommands(wanted, existing)) return 'unchanged';
  await rest.put(route, { body: wanted });
  return 'updated';
}
