// /changes [actor] [days]: recent change sets, newest first, paged; a change set's view has a button per changed
// section that opens its before and after. The same view is what the feed channel gets.
import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord-api-types/v10';
import type { CommandModule, Context } from '../src/dispatch/commandModule.ts';
import { commandOptions } from '../src/dispatch/commandOptions.ts';
import type { CommandRequest, ComponentRequest, Requester } from '../src/dispatch/request.ts';
import type { Response } from '../src/dispatch/response.ts';
import type { ChangeSet } from '../src/history/changeSet.ts';
import type { HistoryStore } from '../src/history/historyStore.ts';
import type { CorpusActor } from '../src/profiles/corpus.ts';
import { slugify } from '../src/profiles/parseProfile.ts';
import { CHANGES_PREFIX, parseChangesId } from '../src/render/changesCustomId.ts';
import {
  beforeAfterView,
  changeListView,
  changeSetView,
  LIST_PAGE_SIZE,
  type ListFilter,
} from '../src/render/changesReply.ts';
import { didYouMean, notFound, staleComponent } from '../src/render/notices.ts';
import { ephemeral, message } from '../src/render/reply.ts';
import { resolveActor } from '../src/search/resolveActor.ts';
import { teamActor, teamNote } from '../src/teams/teamActor.ts';
import {
  AUDIENCE_OPTIONS,
  actorAutocomplete,
  actorOptionDefinition,
  answer,
  askedPrivate,
  GUILD_ONLY,
} from './shared.ts';

export const MAX_DAYS = 3650;

const declared = commandOptions({
  type: ApplicationCommandType.ChatInput,
  name: 'changes',
  description: 'What changed in the data: recent change sets, newest first',
  ...GUILD_ONLY,
  options: [
    actorOptionDefinition(
      'actor',
      'Only changes about this actor (in a team channel, defaults to the team’s actor)',
    ),
    {
      type: ApplicationCommandOptionType.Integer,
      name: 'days',
      description: 'Only the last N days',
      min_value: 1,
      max_value: MAX_DAYS,
    },
    ...AUDIENCE_OPTIONS,
  ],
});

const DAY_MS = 24 * 60 * 60 * 1000;

function unavailable(): Response {
  return {
    type: 'message',
    reply: staleComponent('Dossier’s history is not available right now (see its log).'),
  };
}

const namesOf = (context: Context) => (code: string) => context.engine.corpus.actorByCode.get(code)?.name;

interface Scope {
  filter: ListFilter;
  subjects?: string[];
  note?: string;
}

/** What the list is about: the actor given (or a removed profile's name), the team's actor, or everything. */
function scope(
  actor: string | undefined,
  days: number,
  request: Requester,
  context: Context,
): Scope | Response {
  if (actor === undefined || actor.trim() === '') {
    const team = teamActor(context.engine, request.channel);
    if (!team) return { filter: { code: null, days } };
    return {
      filter: { code: team.actor.code, actorName: team.actor.name, days },
      subjects: subjectsOf(team.actor),
      note: teamNote(team, request.channel?.name ?? null),
    };
  }
  const resolved = resolveActor(context.engine.actors, actor);
  if (resolved.kind === 'found')
    return {
      filter: { code: resolved.actor.code, actorName: resolved.actor.name, days },
      subjects: subjectsOf(resolved.actor),
    };
  if (resolved.kind === 'ambiguous')
    return { type: 'message', reply: didYouMean(actor, resolved.candidates) };
  // A profile that was removed is no longer an actor Dossier knows, but its history is still there.
  const id = slugify(actor);
  const store = context.history?.store;
  if (store && store.versionsOf(id).length > 0) return removedProfileScope(id, actor, days);
  return { type: 'message', reply: notFound(actor) };
}

/** Its page buttons carry the profile's id, so paging keeps to it without resolving a name again. */
function removedProfileScope(profileId: string, actorName: string, days: number): Scope {
  return { filter: { code: null, profileId, actorName, days }, subjects: [`profile:${profileId}`] };
}

/** An actor whose profile was removed has no profileId any more; its profile's id is still where it was. */
function subjectsOf(actor: CorpusActor): string[] {
  const id = actor.profileId ?? actor.profile ?? slugify(actor.name);
  return [`code:${actor.code}`, `profile:${id}`];
}

function list(store: HistoryStore, s: Scope, offset: number) {
  const since = s.filter.days > 0 ? new Date(Date.now() - s.filter.days * DAY_MS) : undefined;
  let result = store.listChangeSets({ subjects: s.subjects, since, offset, limit: LIST_PAGE_SIZE });
  // The list shrank since the button was made (a filter by days): show its last page instead.
  if (result.items.length === 0 && result.total > 0) {
    offset = Math.floor((result.total - 1) / LIST_PAGE_SIZE) * LIST_PAGE_SIZE;
    result = store.listChangeSets({ subjects: s.subjects, since, offset, limit: LIST_PAGE_SIZE });
  }
  return { result, offset };
}

export const changesCommand: CommandModule = {
  definition: declared.definition,

  isPrivate: askedPrivate,

  run(request: CommandRequest, context: Context): Response {
    const o = declared.parse(request);
    const store = context.history?.store;
    if (!store) return unavailable();
    const s = scope(o.actor, o.days ?? 0, request, context);
    if ('type' in s) return s;
    const { result, offset } = list(store, s, 0);
    return answer(o, { ...changeListView(result, offset, s.filter, namesOf(context)), content: s.note });
  },

  autocomplete: actorAutocomplete,

  componentPrefixes: [CHANGES_PREFIX],

  component(request: ComponentRequest, context: Context): Response {
    const state = parseChangesId(request.customId);
    if (!state) return { type: 'message', reply: staleComponent('Dossier does not recognise this button.') };
    const store = context.history?.store;
    if (!store) return unavailable();
    const load = (id: number): ChangeSet | null => store.changeSet(id);
    const gone = () => ({
      type: 'message' as const,
      reply: staleComponent('That change set is no longer in Dossier’s history.'),
    });
    switch (state.kind) {
      case 'set-page':
      case 'open': {
        const id = state.kind === 'open' ? Number(request.values[0]) : state.changeSetId;
        const set = Number.isInteger(id) ? load(id) : null;
        if (!set) return gone();
        const page = state.kind === 'set-page' ? state.page : 0;
        return { type: 'update', reply: message(changeSetView(set, page, namesOf(context))) };
      }
      case 'before-after': {
        const set = load(state.changeSetId);
        const embeds = set
          ? beforeAfterView(set, state.item, (profileId) => store.textAround(profileId, set.id))
          : null;
        if (!embeds) return gone();
        return { type: 'message', reply: ephemeral({ embeds }) };
      }
      case 'list': {
        const s = state.profileId
          ? removedProfileScope(state.profileId, state.profileId, state.days)
          : scope(state.code ?? undefined, state.days, { ...request, channel: null }, context);
        if ('type' in s) return s;
        const { result, offset } = list(store, s, state.offset);
        return { type: 'update', reply: message(changeListView(result, offset, s.filter, namesOf(context))) };
      }
    }
  },
};
