// Replies for /relations: of, toward and between, each an embed (the map picture is attached by the command).
import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import type {
  IncomingEdge,
  RelationsBetween,
  RelationsOf,
  RelationsToward,
  Stance,
} from '../relations/graph.ts';
import { actorLabel, actorTitle, actorTitleEscaped } from './actorLabel.ts';
import { truncate } from './budget.ts';
import { embedSize } from './embedSize.ts';
import { escapeMarkdown, escapeUserText } from './escape.ts';
import {
  EMBED_DESCRIPTION_MAX,
  EMBED_FIELD_VALUE_MAX,
  EMBED_FIELDS_MAX,
  EMBED_TITLE_MAX,
  EMBEDS_TOTAL_MAX,
} from './limits.ts';
import { NO_MEANING } from './profilePages.ts';
import { COLOUR, hexColour } from './theme.ts';

const POLARITY_MARK = { friendly: '🟢', hostile: '🔴', unknown: '⚪' } as const;
/** Room for the footer and the image reference the command may add. */
const RESERVE = 300;

export function relationsOfEmbed(result: RelationsOf, categoryFilter?: string): APIEmbed {
  const name = escapeMarkdown(result.subject.name);
  const title = truncate(`${actorTitle(result.subject)} — how it lists others`, EMBED_TITLE_MAX);
  if (!result.hasProfile) {
    return {
      title,
      color: COLOUR.notFound,
      description: `${name} has no profile, so Dossier does not know how it lists other actors.\nTry \`/relations toward\` to see who lists ${name}.`,
    };
  }
  if (result.categories.length === 0) {
    return {
      title,
      color: COLOUR.brand,
      description: categoryFilter
        ? `${name}'s profile has no category named “${escapeUserText(categoryFilter)}”.`
        : `${name}'s profile lists no relationships.`,
    };
  }
  const listed = result.categories.reduce((n, c) => n + c.actors.length, 0);
  const fields = result.categories.map((c) => ({
    name: truncate(`${POLARITY_MARK[c.info.polarity]} ${escapeMarkdown(c.name)} (${c.actors.length})`, 250),
    lines: [
      `_${escapeMarkdown(c.info.meaning ?? NO_MEANING)}_`,
      ...(c.actors.length > 0 ? c.actors.map((a) => actorLabel(a.actor, a.code)) : ['_none listed_']),
    ],
  }));
  const single = result.categories.length === 1 ? result.categories[0] : undefined;
  return fitFields(
    {
      title,
      color: single ? hexColour(single.info.colour) : COLOUR.brand,
      description: `${listed} actors listed in ${result.categories.length} ${result.categories.length === 1 ? 'category' : 'categories'}, in the profile's order.`,
    },
    fields,
  );
}

export function relationsTowardEmbed(result: RelationsToward, categoryFilter?: string): APIEmbed {
  const title = truncate(`Who lists ${actorTitle(result.subject)}`, EMBED_TITLE_MAX);
  const name = escapeMarkdown(result.subject.name);
  if (result.edges.length === 0) {
    return {
      title,
      color: COLOUR.brand,
      description: categoryFilter
        ? `No profile lists ${name} under “${escapeUserText(categoryFilter)}”.`
        : `No profile lists ${name}.`,
    };
  }
  const groups = new Map<string, IncomingEdge[]>();
  for (const e of result.edges) groups.set(e.category, [...(groups.get(e.category) ?? []), e]);
  const fields = [...groups.entries()].map(([category, edges]) => ({
    name: truncate(
      `${POLARITY_MARK[edges[0]!.info.polarity]} as ${escapeMarkdown(category)} (${edges.length})`,
      250,
    ),
    // "Tajikistan → Allies": who lists it and as what, read left to right; the code follows for lookups.
    lines: edges.map(
      (e) => `${actorTitleEscaped(e.from)} → ${escapeMarkdown(category)} · ${escapeMarkdown(e.from.code)}`,
    ),
  }));
  return fitFields(
    {
      title,
      color: COLOUR.brand,
      description: `${result.edges.length} ${result.edges.length === 1 ? 'profile lists' : 'listings of'} ${name}.`,
    },
    fields,
  );
}

export function relationsBetweenEmbed(result: RelationsBetween): APIEmbed {
  const { a, b } = result;
  const title = truncate(`${actorTitle(a)} ⇄ ${actorTitle(b)}`, EMBED_TITLE_MAX);
  const stance = (lister: typeof a, s: Stance) => {
    if (!s.known) return `_${escapeMarkdown(lister.name)} has no profile: its view is unknown._`;
    if (s.categories.length === 0) return '_not listed_';
    return s.categories
      .map((c) => `${POLARITY_MARK[c.info.polarity]} **${escapeMarkdown(c.name)}**`)
      .join(', ');
  };
  const lines: string[] = [];
  if (result.asymmetric)
    lines.push('⚠️ **Asymmetric:** the two profiles do not list each other the same way.');
  else if (result.aToB.known && result.bToA.known)
    lines.push('The two profiles list each other the same way.');
  const fields = [
    { name: truncate(`How ${a.name} lists ${b.name}`, 250), lines: [stance(a, result.aToB)] },
    { name: truncate(`How ${b.name} lists ${a.name}`, 250), lines: [stance(b, result.bToA)] },
    ...result.shared.map((s) => ({
      name: truncate(`Both list as ${s.category} (${s.actors.length})`, 250),
      lines: s.actors.map((x) => actorLabel(x.actor, x.code)),
    })),
  ];
  if (result.shared.length === 0)
    fields.push({ name: 'In common', lines: ['_No actor is listed by both in the same category._'] });
  const first = result.aToB.categories[0];
  return fitFields(
    {
      title,
      color: first ? hexColour(first.info.colour) : COLOUR.brand,
      description: lines.join('\n') || undefined,
    },
    fields,
  );
}

/**
 * Turns named line lists into fields within every limit: long lists continue in a "(cont.)" field, and what
 * cannot fit in one message is counted in a last line rather than dropped without a word.
 */
function fitFields(base: APIEmbed, groups: { name: string; lines: string[] }[]): APIEmbed {
  const embed: APIEmbed = { ...base, fields: [] };
  if (embed.description) embed.description = truncate(embed.description, EMBED_DESCRIPTION_MAX);
  const room = EMBEDS_TOTAL_MAX - RESERVE;
  let omitted = 0;
  for (const group of groups) {
    let value = '';
    let cont = false;
    const flush = () => {
      const field: APIEmbedField = { name: cont ? `${group.name} (cont.)` : group.name, value };
      const next = [...embed.fields!, field];
      if (next.length < EMBED_FIELDS_MAX && embedSize({ ...embed, fields: next }) <= room) {
        embed.fields = next;
        return true;
      }
      return false;
    };
    for (const [i, line] of group.lines.entries()) {
      const piece = truncate(line, EMBED_FIELD_VALUE_MAX);
      if (value && value.length + 1 + piece.length > EMBED_FIELD_VALUE_MAX) {
        if (!flush()) {
          // The lines held in `value` did not fit either: they count as well as the ones not reached.
          omitted += value.split('\n').length + group.lines.length - i;
          value = '';
          break;
        }
        value = '';
        cont = true;
      }
      value = value ? `${value}\n${piece}` : piece;
    }
    if (value && !flush()) omitted += value.split('\n').length;
  }
  if (omitted > 0) {
    embed.fields!.push({
      name: 'More',
      value: `…and ${omitted} more not shown here: narrow it with the \`category\` option.`,
    });
  }
  return embed;
}
