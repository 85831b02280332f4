// Routes a request to its command module and turns every outcome into a Response: guards first (guild
// allowlist, cooldown), then the handler; an exception becomes "something went wrong (ref …)".
import type { Logger } from '../log/logger.ts';
import { newRef } from '../log/logger.ts';
import {
  guildOnly,
  refused,
  slowDown,
  somethingWentWrong,
  staleComponent,
  unknownCommand,
} from '../render/notices.ts';
import type { CommandModule, Context } from './commandModule.ts';
import type { Cooldown } from './cooldown.ts';
import type { Request } from './request.ts';
import type { Response } from './response.ts';

export type Outcome = 'ok' | 'refused' | 'cooldown' | 'error' | 'unknown';

export interface Dispatched {
  response: Response;
  outcome: Outcome;
  ref?: string;
}

export interface DispatcherOptions {
  commands: readonly CommandModule[];
  context: () => Context;
  logger: Logger;
  /** Empty: every guild. */
  allowedGuildIds?: readonly string[];
  cooldown?: Cooldown;
}

export class Dispatcher {
  private readonly byName = new Map<string, CommandModule>();
  private readonly byPrefix = new Map<string, CommandModule>();

  constructor(private readonly options: DispatcherOptions) {
    for (const c of options.commands) {
      this.byName.set(c.definition.name, c);
      for (const p of c.componentPrefixes ?? []) this.byPrefix.set(p, c);
    }
  }

  /** Whether the answer will be ephemeral, known before running (so a deferral can match it). */
  isPrivate(request: Request): boolean {
    if (request.kind !== 'command') return false;
    return this.byName.get(request.command)?.isPrivate?.(request) ?? false;
  }

  /** `quiet`: a request of the bot's own (warm-up), which no guard applies to. */
  async dispatch(request: Request, options: { quiet?: boolean } = {}): Promise<Dispatched> {
    const guard = options.quiet ? null : this.guard(request);
    if (guard) return guard;
    const context = this.options.context();
    try {
      const response = await this.run(request, context);
      if (response) return { response, outcome: 'ok' };
      const reply =
        request.kind === 'command'
          ? unknownCommand(request.command)
          : staleComponent('Dossier does not recognise this button.');
      return { response: { type: 'message', reply }, outcome: 'unknown' };
    } catch (err) {
      const ref = newRef();
      this.options.logger.error({ ref, err, request: describe(request) }, 'handler failed');
      if (request.kind === 'autocomplete')
        return { response: { type: 'choices', choices: [] }, outcome: 'error', ref };
      return { response: { type: 'message', reply: somethingWentWrong(ref) }, outcome: 'error', ref };
    }
  }

  private guard(request: Request): Dispatched | null {
    const { allowedGuildIds = [], cooldown } = this.options;
    if (request.guildId === null) {
      return request.kind === 'autocomplete'
        ? { response: { type: 'choices', choices: [] }, outcome: 'refused' }
        : { response: { type: 'message', reply: guildOnly() }, outcome: 'refused' };
    }
    if (allowedGuildIds.length > 0 && !allowedGuildIds.includes(request.guildId)) {
      this.options.logger.warn(
        { guild: request.guildId, user: request.user.id },
        'refused: guild not allowed',
      );
      return request.kind === 'autocomplete'
        ? { response: { type: 'choices', choices: [] }, outcome: 'refused' }
        : { response: { type: 'message', reply: refused() }, outcome: 'refused' };
    }
    if (request.kind !== 'autocomplete' && cooldown) {
      const wait = cooldown.take(request.user.id);
      if (wait > 0) return { response: { type: 'message', reply: slowDown(wait) }, outcome: 'cooldown' };
    }
    return null;
  }

  private async run(request: Request, context: Context): Promise<Response | null> {
    switch (request.kind) {
      case 'command': {
        const module = this.byName.get(request.command);
        return module ? module.run(request, context) : null;
      }
      case 'autocomplete': {
        const module = this.byName.get(request.command);
        return module?.autocomplete
          ? module.autocomplete(request, context)
          : { type: 'choices', choices: [] };
      }
      case 'component': {
        const module = this.byPrefix.get(request.customId.split(':')[0] ?? '');
        return module?.component ? module.component(request, context) : null;
      }
    }
  }
}

/** What a log line may say of a request: option values cut short, never a whole message body. */
export function describe(request: Request): Record<string, unknown> {
  const base = {
    kind: request.kind,
    guild: request.guildId,
    channel: request.channel?.id,
    user: request.user.id,
  };
  const clip = (v: unknown) => (typeof v === 'string' && v.length > 100 ? `${v.slice(0, 100)}…` : v);
  switch (request.kind) {
    case 'command':
      return {
        ...base,
        command: [request.command, request.subcommand].filter(Boolean).join(' '),
        options: Object.fromEntries(Object.entries(request.options).map(([k, v]) => [k, clip(v)])),
        ...(request.targetMessage ? { targetMessageLength: request.targetMessage.content.length } : {}),
      };
    case 'autocomplete':
      return {
        ...base,
        command: [request.command, request.subcommand].filter(Boolean).join(' '),
        focused: request.focused.name,
      };
    case 'component':
      return { ...base, customId: request.customId };
  }
}
