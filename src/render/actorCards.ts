// "Find actors": a short card for each actor a message names.
import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import type { Corpus, CorpusActor } from '../profiles/corpus.ts';
import type { RelationsGraph } from '../relations/graph.ts';
import { actorTitle } from './actorLabel.ts';
import { truncate } from './budget.ts';
import { embedSize } from './embedSize.ts';
import { escapeMarkdown } from './escape.ts';
import { EMBED_FIELD_VALUE_MAX, EMBED_FIELDS_MAX, EMBEDS_TOTAL_MAX } from './limits.ts';
import { COLOUR } from './theme.ts';

export function actorCardsEmbed(
  corpus: Corpus,
  graph: RelationsGraph,
  actors: readonly CorpusActor[],
): APIEmbed {
  if (actors.length === 0) {
    return {
      title: 'Find actors',
      color: COLOUR.notFound,
      description: 'This message names no actor Dossier knows (by name, code or alias).',
    };
  }
  const card = (actor: CorpusActor): APIEmbedField => {
    const profile = actor.profileId ? corpus.profileById.get(actor.profileId) : undefined;
    const lines = [
      `${actor.kind}${actor.aliases.length > 0 ? ` · also ${actor.aliases.slice(0, 3).map(escapeMarkdown).join(', ')}` : ''}`,
    ];
    const listedBy = graph.toward(actor).edges.length;
    lines.push(profile ? `Profile: \`/profile ${actor.code}\`` : 'No profile.');
    lines.push(
      `Listed ${listedBy} ${listedBy === 1 ? 'time' : 'times'} by profiles: \`/relations toward ${actor.code}\``,
    );
    const first = profile?.summary?.paragraphs[0]?.text;
    if (first) lines.push(`> ${escapeMarkdown(truncate(first, 200))}`);
    return {
      name: truncate(`${actorTitle(actor)} (${actor.code})`, 250),
      value: truncate(lines.join('\n'), EMBED_FIELD_VALUE_MAX),
    };
  };
  const embed: APIEmbed = {
    title: `Find actors: ${actors.length} ${actors.length === 1 ? 'actor' : 'actors'} named`,
    color: COLOUR.brand,
    fields: [],
  };
  let shown = 0;
  for (const actor of actors) {
    const fields = [...embed.fields!, card(actor)];
    if (fields.length >= EMBED_FIELDS_MAX || embedSize({ ...embed, fields }) > EMBEDS_TOTAL_MAX - 200) break;
    embed.fields = fields;
    shown++;
  }
  if (actors.length > shown)
    embed.fields!.push({ name: 'More', value: `…and ${actors.length - shown} more actors.` });
  return embed;
}
