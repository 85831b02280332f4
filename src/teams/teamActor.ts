// Team channels: a channel named after an actor (`#team-tajikistan`, `#tjk`) or bound in data/teams.yaml makes
// that actor the default for lookups made there.

import type { Engine } from '../engine.ts';
import type { CorpusActor } from '../profiles/corpus.ts';
import { escapeMarkdown } from '../render/escape.ts';

const TEAM_PREFIX = 'team-';

export interface TeamDefault {
  actor: CorpusActor;
  how: 'binding' | 'channel name';
}

export function teamActor(
  engine: Engine,
  channel: { id: string; name: string | null } | null,
): TeamDefault | null {
  if (!channel) return null;
  const { corpus } = engine;
  const bound = corpus.teamChannels.get(channel.id);
  const boundActor = bound ? corpus.actorByCode.get(bound) : undefined;
  if (boundActor) return { actor: boundActor, how: 'binding' };
  if (!channel.name) return null;
  const name = channel.name.toLowerCase();
  const bare = name.startsWith(TEAM_PREFIX) ? name.slice(TEAM_PREFIX.length) : name;
  const byCode = corpus.actorByCode.get(bare.toUpperCase());
  if (byCode) return { actor: byCode, how: 'channel name' };
  const byProfile = corpus.actorOfProfile.get(bare);
  if (byProfile) return { actor: byProfile, how: 'channel name' };
  // `#team-russia`, `#united-states`: a channel named exactly after one actor's name or alias.
  const exact = engine.actors.match(bare.replace(/[-_]+/g, ' '), 2).filter((m) => m.tier === 'exact');
  return exact.length === 1 ? { actor: exact[0]!.actor, how: 'channel name' } : null;
}

/** The line that tells a user which team actor was used, and for what (`Team default`, `Team profile ranked first`). */
export function teamNote(team: TeamDefault, channelName: string | null, what = 'Team default'): string {
  const where = channelName ? `#${channelName}` : 'this channel';
  return `-# ${what}: ${escapeMarkdown(team.actor.name)} (${team.actor.code}), from ${where}.`;
}
