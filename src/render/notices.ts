// Short ephemeral notices: did-you-mean, not found, errors, refusals, cooldowns.
import type { APIEmbed } from 'discord-api-types/v10';
import type { ActorMatch } from '../search/actorIndex.ts';
import { actorLabel } from './actorLabel.ts';
import { truncate } from './budget.ts';
import { escapeMarkdown, escapeUserText } from './escape.ts';
import { EMBED_DESCRIPTION_MAX } from './limits.ts';
import { ephemeral, type MessageReply } from './reply.ts';
import { COLOUR } from './theme.ts';

function notice(color: number, title: string, description: string): MessageReply {
  const embed: APIEmbed = { color, title, description: truncate(description, EMBED_DESCRIPTION_MAX) };
  return ephemeral({ embeds: [embed] });
}

function matchHint(m: ActorMatch): string {
  if (m.field === 'alias') return ` — alias: ${escapeMarkdown(m.matched)}`;
  if (!m.actor.profileId) return ' — no profile';
  return '';
}

export function didYouMean(query: string, candidates: readonly ActorMatch[], what = 'actor'): MessageReply {
  const shown = escapeUserText(truncate(query, 100));
  const list = candidates.map((m) => `• ${actorLabel(m.actor, m.actor.code)}${matchHint(m)}`).join('\n');
  return notice(
    COLOUR.notFound,
    'Did you mean…',
    `More than one ${what} could be “${shown}”:\n${list}\nPick one from the list as you type, or use its code.`,
  );
}

export function notFound(query: string, what = 'actor'): MessageReply {
  const shown = escapeUserText(truncate(query, 100));
  return notice(
    COLOUR.notFound,
    'Not found',
    `No ${what} matches “${shown}”. Try a name, a code (like RUS) or an alias.`,
  );
}

export function missingActor(): MessageReply {
  return notice(
    COLOUR.notFound,
    'Which actor?',
    'Give an actor, or run the command in a team channel (like #team-<actor>) to use that team’s actor.',
  );
}

export function somethingWentWrong(ref: string): MessageReply {
  return notice(
    COLOUR.error,
    'Something went wrong',
    `Dossier could not answer this one. If it keeps happening, give this reference to whoever runs Dossier: **${ref}**.`,
  );
}

export function staleComponent(reason: string): MessageReply {
  return notice(
    COLOUR.notFound,
    'This button is out of date',
    `${reason} Run the command again for a fresh view.`,
  );
}

/** A command Dossier does not have: one registered by an older version, or typed wrong in the console. */
export function unknownCommand(name: string): MessageReply {
  const shown = escapeUserText(truncate(name, 100));
  return notice(
    COLOUR.notFound,
    'Unknown command',
    `Dossier has no command “${shown}”. It may have been removed in an update; \`/help\` lists what there is.`,
  );
}

export function refused(): MessageReply {
  return notice(COLOUR.refused, 'Not available here', 'Dossier is not enabled in this server.');
}

export function slowDown(seconds: number): MessageReply {
  return notice(COLOUR.refused, 'One moment', `You are going fast — try again in ${seconds} s.`);
}

export function guildOnly(): MessageReply {
  return notice(COLOUR.refused, 'Servers only', 'Dossier answers in servers, not in direct messages.');
}

export function restarting(): MessageReply {
  return notice(COLOUR.refused, 'Restarting', 'Dossier is restarting; try again in a few seconds.');
}
