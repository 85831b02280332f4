// /profile: an actor's profile, paged by section, with buttons that carry their own state.
import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord-api-types/v10';
import type { CommandModule, Context } from '../src/dispatch/commandModule.ts';
import { chatInputCommand } from '../src/dispatch/commandOptions.ts';
import type { AutocompleteRequest, ComponentRequest } from '../src/dispatch/request.ts';
import type { Response } from '../src/dispatch/response.ts';
import { actorCardsEmbed } from '../src/render/actorCards.ts';
import { truncate } from '../src/render/budget.ts';
import { parseCustomId } from '../src/render/customId.ts';
import { AUTOCOMPLETE_CHOICES_MAX, CHOICE_NAME_MAX } from '../src/render/limits.ts';
import { staleComponent } from '../src/render/notices.ts';
import { profileContent, profileMessage, profileView } from '../src/render/profileMessage.ts';
import { cachedProfilePages } from '../src/render/profilePages.ts';
import { resolveActor } from '../src/search/resolveActor.ts';
import { teamActor, teamNote } from '../src/teams/teamActor.ts';
import {
  AUDIENCE_OPTIONS,
  actorAutocomplete,
  actorOption,
  actorOptionDefinition,
  answer,
  askedPrivate,
  GUILD_ONLY,
} from './shared.ts';

export const profileCommand: CommandModule = chatInputCommand(
  {
    type: ApplicationCommandType.ChatInput,
    name: 'profile',
    description: "An actor's profile: summary, key interests, relationships",
    ...GUILD_ONLY,
    options: [
      actorOptionDefinition('actor', 'Name, code or alias (in a team channel, defaults to the team’s actor)'),
      {
        type: ApplicationCommandOptionType.String,
        name: 'section',
        description: 'Open at this section',
        autocomplete: true,
        max_length: 40,
      },
      ...AUDIENCE_OPTIONS,
    ],
  },
  {
    isPrivate: askedPrivate,

    run(o, request, context) {
      const chosen = actorOption(o.actor, request, context);
      if (!chosen.ok) return chosen.response;
      const { corpus, graph } = context.engine;
      const note = chosen.team ? teamNote(chosen.team, request.channel?.name ?? null) : undefined;
      const profile = chosen.actor.profileId ? corpus.profileById.get(chosen.actor.profileId) : undefined;
      if (!profile) {
        const embed = actorCardsEmbed(corpus, graph, [chosen.actor]);
        embed.title = `${chosen.actor.name} has no profile`;
        return answer(o, { embeds: [embed], content: note });
      }
      const view = profileView(corpus, profile, o.section ?? 'overview');
      const missing =
        o.section && !view.found
          ? `-# This profile has no section “${o.section.replace(/[^\w -]|_/g, '')}”; here is the overview.`
          : undefined;
      return answer(
        o,
        profileContent(view, {
          note: [note, missing].filter(Boolean).join('\n') || undefined,
          loadedAt: corpus.loadedAt,
        }),
      );
    },

    autocomplete(request: AutocompleteRequest, context: Context): Response {
      if (request.focused.name !== 'section') return actorAutocomplete(request, context);
      const { corpus, actors } = context.engine;
      const typed = typeof request.options.actor === 'string' ? request.options.actor : '';
      const resolved = typed ? resolveActor(actors, typed) : null;
      const actor =
        resolved?.kind === 'found' ? resolved.actor : teamActor(context.engine, request.channel)?.actor;
      const profile = actor?.profileId ? corpus.profileById.get(actor.profileId) : undefined;
      if (!profile) return { type: 'choices', choices: [] };
      const query = request.focused.value.toLowerCase();
      const choices = cachedProfilePages(corpus, profile)
        .filter((p) => p.part === 1 && p.label.toLowerCase().includes(query))
        .slice(0, AUTOCOMPLETE_CHOICES_MAX)
        .map((p) => ({ name: truncate(p.label, CHOICE_NAME_MAX), value: p.key }));
      return { type: 'choices', choices };
    },

    componentPrefixes: ['p1', 'j1'],

    component(request: ComponentRequest, context: Context): Response {
      const state = parseCustomId(request.customId);
      if (!state)
        return { type: 'message', reply: staleComponent('Dossier does not recognise this button.') };
      const { corpus } = context.engine;
      const profile = corpus.profileById.get(state.profileId);
      if (!profile)
        return { type: 'message', reply: staleComponent('That profile is no longer in Dossier’s data.') };
      const key = state.kind === 'profile-page' ? state.page : (request.values[0] ?? 'overview');
      const part = state.kind === 'profile-page' ? state.part : 1;
      const view = profileView(corpus, profile, key, part);
      const note = view.found
        ? undefined
        : '-# That page no longer exists (the profile changed); here is the overview.';
      return { type: 'update', reply: profileMessage(view, { loadedAt: corpus.loadedAt, note }) };
    },
  },
);
