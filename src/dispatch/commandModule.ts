// The contract every module in commands/ fulfils: its definition as Discord API JSON, and its handlers.
import type { RESTPostAPIApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { Engine } from '../engine.ts';
import type { History } from '../history/history.ts';
import type { Status } from '../runtime/engineHolder.ts';
import type { AutocompleteRequest, CommandRequest, ComponentRequest } from './request.ts';
import type { Response } from './response.ts';

export interface Context {
  engine: Engine;
  status: Status;
  /** The history database, where the process has one (the bot and the console do). */
  history?: History;
}

export interface CommandModule {
  definition: RESTPostAPIApplicationCommandsJSONBody;
  /** The answer may be ephemeral regardless of the result: known before running, so a deferral matches it. */
  isPrivate?(request: CommandRequest): boolean;
  run(request: CommandRequest, context: Context): Response | Promise<Response>;
  autocomplete?(request: AutocompleteRequest, context: Context): Response;
  /** custom_id prefixes (before the first `:`) this module's components use. */
  componentPrefixes?: readonly string[];
  component?(request: ComponentRequest, context: Context): Response | Promise<Response>;
}
