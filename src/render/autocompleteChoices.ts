// Autocomplete choices for actor options: what matched is shown, the value is the actor's code.
import type { APIApplicationCommandOptionChoice } from 'discord-api-types/v10';
import type { ActorMatch } from '../search/actorIndex.ts';
import { truncate } from './budget.ts';
import { AUTOCOMPLETE_CHOICES_MAX, CHOICE_NAME_MAX } from './limits.ts';

export function actorChoices(matches: readonly ActorMatch[]): APIApplicationCommandOptionChoice<string>[] {
  return matches.slice(0, AUTOCOMPLETE_CHOICES_MAX).map((m) => {
    const base = `${m.actor.flag ? `${m.actor.flag} ` : ''}${m.actor.name} (${m.actor.code})`;
    const hint =
      m.field === 'alias'
        ? ` — alias: ${m.matched}`
        : m.tier === 'fuzzy'
          ? ' — close match'
          : !m.actor.profileId
            ? ' — no profile'
            : '';
    return { name: truncate(base + hint, CHOICE_NAME_MAX), value: m.actor.code };
  });
}
