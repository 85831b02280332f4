// The /search reply: ranked sections with a snippet around the matched words; or, with no hits, close terms.
import type { APIEmbed } from 'discord-api-types/v10';
import { counted } from '../plural.ts';
import type { Corpus } from '../profiles/corpus.ts';
import type { SectionSearch } from '../search/sectionIndex.ts';
import { makeSnippet } from '../search/snippet.ts';
import { ELLIPSIS, truncate } from './budget.ts';
import { embedSize } from './embedSize.ts';
import { escapeMarkdown, escapeUserText } from './escape.ts';
import { EMBED_FIELD_NAME_MAX, EMBED_FIELD_VALUE_MAX, EMBED_TITLE_MAX, EMBEDS_TOTAL_MAX } from './limits.ts';
import { COLOUR } from './theme.ts';

/** Enough context to judge a hit; ten of them stay well within the 6,000 total. */
const SNIPPET_CHARS = 300;
const FOOTER_RESERVE = 200;
/** An actor's name as the no-profile reply says it twice: escaped, two of them stay far within a description. */
const NAME_CHARS = 200;

/**
 * `/search … actor:` for an actor without a profile: there is no section of its own to look in, which "no section
 * matches" would hide; other profiles may still write of it.
 */
export function noProfileToSearchEmbed(query: string, actorName: string): APIEmbed {
  const name = escapeMarkdown(truncate(actorName, NAME_CHARS));
  return {
    title: escapeUserTitle(truncate(`Search: ${query}`, EMBED_TITLE_MAX)),
    color: COLOUR.notFound,
    description: `${name} has no profile, so there is no section of its own to search.\nLeave out \`actor\` to search every profile: others may write of ${name}.`,
  };
}

export function searchEmbed(
  corpus: Corpus,
  query: string,
  result: SectionSearch,
  scopeName?: string,
): APIEmbed {
  const shownQuery = escapeUserText(truncate(query, 100));
  const title = truncate(`Search: ${query}`, EMBED_TITLE_MAX);
  const scope = scopeName ? ` in ${escapeMarkdown(scopeName)}'s profile` : '';
  if (result.hits.length === 0) {
    const suggestions = result.suggestions.map((s) => `\`${s.replace(/`/g, '')}\``).join(', ');
    return {
      title: escapeUserTitle(title),
      color: COLOUR.notFound,
      description: `No section matches “${shownQuery}”${scope}.${suggestions ? `\nDid you mean ${suggestions}?` : ''}`,
    };
  }
  const lines = [
    `${counted(result.total, 'section matches', 'sections match')}${scope}${result.total > result.hits.length ? `; the best ${result.hits.length} are shown` : ''}.`,
  ];
  if (result.mode === 'OR') lines.push('_No section has every word, so these have some of them._');
  const embed: APIEmbed = {
    title: escapeUserTitle(title),
    color: COLOUR.search,
    description: lines.join('\n'),
    fields: [],
  };
  for (const hit of result.hits) {
    const profile = corpus.profileById.get(hit.section.profileId);
    // Escaped before it is cut: escaping adds characters, and the name must stay within its limit.
    const name = truncate(
      escapeMarkdown(`${profile?.name ?? hit.section.profileId} › ${hit.section.title}`),
      EMBED_FIELD_NAME_MAX,
    );
    const snippet = makeSnippet(hit.section.text, hit.terms, SNIPPET_CHARS);
    const body = snippet.parts
      .map((p) => (p.match ? `**${escapeMarkdown(p.text)}**` : escapeMarkdown(p.text)))
      .join('');
    const value = truncate(
      `${snippet.before ? ELLIPSIS : ''}${body}${snippet.after ? ELLIPSIS : ''}`.replace(/\n+/g, ' '),
      EMBED_FIELD_VALUE_MAX,
    );
    // A section with no text (a heading alone) matched by its title: Discord refuses an empty field value.
    const shown = value || '_Only the heading matches; this section has no text._';
    const next = { ...embed, fields: [...embed.fields!, { name, value: shown }] };
    if (embedSize(next) > EMBEDS_TOTAL_MAX - FOOTER_RESERVE) break;
    embed.fields = next.fields;
  }
  return embed;
}

/** Titles do not render markdown, but they do show mentions' raw text: keep them inert all the same. */
function escapeUserTitle(title: string): string {
  return truncate(escapeUserText(title).replace(/\\([*_~`|])/g, '$1'), EMBED_TITLE_MAX);
}
