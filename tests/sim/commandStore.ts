// Registered application commands, global and per guild, as bulk overwrites and creates leave them:
// Discord keeps a command's id when a command of the same name and type is overwritten.

import { snowflake } from './snowflake.ts';
import type { Json } from './types.ts';

const GLOBAL = 'global';

export class CommandStore {
  private readonly scopes = new Map<string, Json[]>();

  constructor(private readonly applicationId: string) {}

  list(guildId?: string): Json[] {
    return this.scopes.get(guildId ?? GLOBAL) ?? [];
  }

  /** Replaces the scope's commands, as `PUT …/commands` does; returns what Discord would return. */
  overwrite(commands: Json[], guildId?: string): Json[] {
    const previous = this.list(guildId);
    const stored = commands.map((command) => this.toStored(command, previous, guildId));
    this.scopes.set(guildId ?? GLOBAL, stored);
    return stored;
  }

  /** Adds or replaces one command, as `POST …/commands` does. */
  upsert(command: Json, guildId?: string): Json {
    const previous = this.list(guildId);
    const stored = this.toStored(command, previous, guildId);
    this.scopes.set(guildId ?? GLOBAL, [...previous.filter((c) => c.id !== stored.id), stored]);
    return stored;
  }

  /** The command a user would invoke in `guildId`: guild commands shadow global ones. */
  find(name: string, type: number, guildId: string | null): Json | undefined {
    const match = (c: Json) => c.name === name && (c.type ?? 1) === type;
    return (guildId ? this.list(guildId).find(match) : undefined) ?? this.list().find(match);
  }

  private toStored(command: Json, previous: Json[], guildId: string | undefined): Json {
    const type = typeof command.type === 'number' ? command.type : 1;
    const same = previous.find((c) => c.name === command.name && c.type === type);
    return {
      default_member_permissions: null,
      nsfw: false,
      contexts: null,
      integration_types: [0],
      description: '',
      ...command,
      id: typeof same?.id === 'string' ? same.id : snowflake(),
      application_id: this.applicationId,
      version: snowflake(),
      type,
      ...(guildId ? { guild_id: guildId } : {}),
    };
  }
}
