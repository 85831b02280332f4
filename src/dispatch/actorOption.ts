// Resolves an actor option the same way in every command: the typed or picked value, else the team channel's
// actor; a miss becomes an ephemeral "did you mean" or "not found".
import type { CorpusActor } from '../profiles/corpus.ts';
import { didYouMean, missingActor, notFound } from '../render/notices.ts';
import { resolveActor } from '../search/resolveActor.ts';
import { type TeamDefault, teamActor } from '../teams/teamActor.ts';
import type { Context } from './commandModule.ts';
import type { Requester } from './request.ts';
import type { Response } from './response.ts';

export type ActorOption =
  | { ok: true; actor: CorpusActor; team: TeamDefault | null }
  | { ok: false; response: Response };

export function actorOption(
  value: string | undefined,
  request: Requester,
  context: Context,
  options: { teamDefault: boolean } = { teamDefault: true },
): ActorOption {
  const { engine } = context;
  if (value === undefined || value.trim() === '') {
    const team = options.teamDefault ? teamActor(engine, request.channel) : null;
    if (team) return { ok: true, actor: team.actor, team };
    return { ok: false, response: { type: 'message', reply: missingActor() } };
  }
  const resolution = resolveActor(engine.actors, value);
  switch (resolution.kind) {
    case 'found':
      return { ok: true, actor: resolution.actor, team: null };
    case 'ambiguous':
      return { ok: false, response: { type: 'message', reply: didYouMean(value, resolution.candidates) } };
    case 'none':
      return { ok: false, response: { type: 'message', reply: notFound(value) } };
  }
}
