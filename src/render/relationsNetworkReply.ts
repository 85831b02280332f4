// The embed of /relations network: what the picture shows, in words, so it reads without the image too.
import type { APIEmbed } from 'discord-api-types/v10';
import { counted } from '../plural.ts';
import { truncate } from './budget.ts';
import { escapeMarkdown, escapeUserText } from './escape.ts';
import { EMBED_DESCRIPTION_MAX, EMBED_FIELD_VALUE_MAX } from './limits.ts';
import type { NetworkMapModel } from './relationsMapModel.ts';
import { COLOUR } from './theme.ts';

export function relationsNetworkEmbed(model: NetworkMapModel): APIEmbed {
  const only = model.only ? ` — ${escapeUserText(model.only)} only` : '';
  const title = truncate(`Who lists whom${only}`, 256);
  if (model.edges.length === 0) {
    return {
      title,
      color: COLOUR.brand,
      description: model.only
        ? `No profile lists anyone as “${escapeUserText(model.only)}”.`
        : 'No profile lists any relationship yet.',
    };
  }
  const profiled = model.actors.filter((a) => a.hasProfile);
  const perCategory = model.categories
    .map((c) => ({ name: c.name, n: model.edges.filter((e) => e.category === c.name).length }))
    .filter((c) => c.n > 0)
    .map((c) => `${escapeMarkdown(c.name)} ${c.n}`);
  const lines = [
    `${counted(profiled.length, 'profiled actor')} and the actors they list: ${counted(model.edges.length, 'listing')}, an arrow from the actor whose profile lists to the one listed.`,
    `By category: ${perCategory.join(' · ')}.`,
    ...(model.hidden > 0
      ? [
          `${counted(model.hidden, 'actor')} listed only rarely ${model.hidden === 1 ? 'is' : 'are'} left out of the picture.`,
        ]
      : []),
  ];
  return {
    title,
    color: COLOUR.brand,
    description: truncate(lines.join('\n'), EMBED_DESCRIPTION_MAX),
    fields: [
      {
        name: 'Profiles',
        value: truncate(profiled.map((a) => escapeMarkdown(a.name)).join(', '), EMBED_FIELD_VALUE_MAX),
      },
    ],
    footer: { text: 'Use /relations of or toward for one actor in detail.' },
  };
}
