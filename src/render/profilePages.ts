// Lays a profile out as pages: overview, key interests, relationships, then each other section. Text that does
// not fit a page continues on the next one; nothing is dropped.
import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import { counted } from '../plural.ts';
import { type Corpus, categoryInfo } from '../profiles/corpus.ts';
import type { Paragraph, Profile } from '../profiles/schema.ts';
import { actorLabel, actorTitle } from './actorLabel.ts';
import { pack, paginate, truncate } from './budget.ts';
import { embedSize } from './embedSize.ts';
import { escapeMarkdown } from './escape.ts';
import {
  codePoints,
  EMBED_DESCRIPTION_MAX,
  EMBED_FIELD_NAME_MAX,
  EMBED_FIELD_VALUE_MAX,
  EMBED_FIELDS_MAX,
  EMBED_TITLE_MAX,
  EMBEDS_TOTAL_MAX,
} from './limits.ts';
import { COLOUR } from './theme.ts';

export interface ProfilePage {
  /** Stable name of the section the page belongs to: `overview`, `interests`, `relationships`, `section-0`… */
  key: string;
  /** The section's heading, for buttons and menus. */
  label: string;
  /** 1-based part within the section, when a section spans several pages. */
  part: number;
  parts: number;
  /** The embed without its footer (the message adds page numbers). */
  embed: APIEmbed;
}

/** Room kept for the footer the message adds (page numbers, section name, load time). */
export const FOOTER_RESERVE = 200;
const PAGE_TEXT_MAX = EMBEDS_TOTAL_MAX - EMBED_TITLE_MAX - FOOTER_RESERVE;
export const NO_MEANING = 'Meaning not given in the source.';

const laidOut = new WeakMap<Corpus, Map<string, readonly ProfilePage[]>>();

/**
 * A profile's pages, laid out once per loaded corpus: a corpus never changes (a reload makes a new one), and
 * every page turn of every user would otherwise lay the whole profile out again.
 */
export function cachedProfilePages(corpus: Corpus, profile: Profile): readonly ProfilePage[] {
  let byProfile = laidOut.get(corpus);
  if (!byProfile) {
    byProfile = new Map();
    laidOut.set(corpus, byProfile);
  }
  let pages = byProfile.get(profile.id);
  if (!pages) {
    pages = profilePages(corpus, profile);
    byProfile.set(profile.id, pages);
  }
  return pages;
}

export function profilePages(corpus: Corpus, profile: Profile): ProfilePage[] {
  const actor = corpus.actorOfProfile.get(profile.id);
  const title = truncate(actor ? actorTitle(actor) : profile.name, EMBED_TITLE_MAX);
  const pages: ProfilePage[] = [];
  const section = (key: string, label: string, embeds: APIEmbed[]) => {
    embeds.forEach((embed, i) => {
      pages.push({ key, label, part: i + 1, parts: embeds.length, embed: { ...embed, title } });
    });
  };

  const facts = quickFacts(corpus, profile);
  const factsSize = facts.reduce((n, f) => n + codePoints(f.name) + codePoints(f.value), 0);
  // A summary heading with nothing under it has no text either: without the placeholder it would get no page.
  const summary =
    profile.summary && profile.summary.paragraphs.length > 0
      ? paragraphsText(profile.summary.paragraphs)
      : '_No summary in this profile._';
  const firstRoom = Math.min(EMBED_DESCRIPTION_MAX, PAGE_TEXT_MAX - factsSize);
  const summaryChunks = paginate(summary, Math.min(EMBED_DESCRIPTION_MAX, PAGE_TEXT_MAX), firstRoom);
  section(
    'overview',
    'Overview',
    summaryChunks.map((description, i) => ({
      color: COLOUR.brand,
      description,
      ...(i === 0 ? { fields: facts } : {}),
    })),
  );

  if (profile.interests) {
    const blocks = [
      ...profile.interests.intro.map((p) => escapeMarkdown(p.text)),
      ...profile.interests.items.map((item) =>
        [`**${escapeMarkdown(`${item.number}. ${item.title}`)}**`, paragraphsText(item.body)]
          .filter(Boolean)
          .join('\n'),
      ),
    ];
    const text = blocks.length > 0 ? blocks : ['_No items listed._'];
    section(
      'interests',
      profile.interests.heading,
      pack(text, Math.min(EMBED_DESCRIPTION_MAX, PAGE_TEXT_MAX), {
        separator: '\n\n',
        oversized: 'split',
      }).map((description) => ({
        color: COLOUR.brand,
        description,
      })),
    );
  }

  if (profile.relationships) {
    section('relationships', profile.relationships.heading, relationshipEmbeds(corpus, profile));
  }

  profile.sections.forEach((s, i) => {
    const text = s.paragraphs.length > 0 ? paragraphsText(s.paragraphs) : '_This section is empty._';
    // Every page repeats the heading, so the text gets what the heading leaves of the description.
    const heading = `**${escapeMarkdown(truncate(s.heading, 200))}**\n`;
    section(
      `section-${i}`,
      s.heading,
      paginate(text, Math.min(EMBED_DESCRIPTION_MAX, PAGE_TEXT_MAX) - codePoints(heading)).map(
        (description) => ({ color: COLOUR.brand, description: `${heading}${description}` }),
      ),
    );
  });
  return pages;
}

function paragraphsText(paragraphs: readonly Paragraph[]): string {
  return paragraphs.map((p) => escapeMarkdown(p.text)).join('\n\n');
}

function quickFacts(corpus: Corpus, profile: Profile): APIEmbedField[] {
  const actor = corpus.actorOfProfile.get(profile.id);
  const fields: APIEmbedField[] = [];
  if (actor?.inDirectory) {
    fields.push({ name: 'Code', value: escapeMarkdown(actor.code), inline: true });
    fields.push({ name: 'Kind', value: actor.kind, inline: true });
    if (actor.aliases.length > 0) {
      fields.push({
        name: 'Also known as',
        value: truncate(actor.aliases.map(escapeMarkdown).join(', '), EMBED_FIELD_VALUE_MAX),
        inline: true,
      });
    }
  }
  if (profile.image)
    fields.push({
      name: 'Flag image',
      value: truncate(escapeMarkdown(profile.image.file), EMBED_FIELD_VALUE_MAX),
      inline: true,
    });
  const listed = (profile.relationships?.categories ?? []).reduce((n, c) => n + c.codes.length, 0);
  fields.push({
    name: 'In this profile',
    value: `${counted(profile.interests?.items.length ?? 0, 'key interest')} · ${counted(listed, 'actor')} listed · ${counted(profile.sections.length, 'other section')}`,
    inline: false,
  });
  return fields;
}

function relationshipEmbeds(corpus: Corpus, profile: Profile): APIEmbed[] {
  const categories = profile.relationships?.categories ?? [];
  const listed = categories.reduce((n, c) => n + c.codes.length, 0);
  const description = `How ${escapeMarkdown(profile.name)} lists other actors: ${listed} listed in ${counted(categories.length, 'category', 'categories')}.`;
  const fields: APIEmbedField[] = [];
  for (const category of categories) {
    const info = categoryInfo(corpus, category.name);
    const meaning = `_${escapeMarkdown(info.meaning ?? NO_MEANING)}_`;
    const lines = category.codes.map(({ code }) => actorLabel(corpus.actorByCode.get(code), code));
    const body = lines.length > 0 ? lines : ['_none listed_'];
    const name = truncate(
      `${escapeMarkdown(category.name)} (${category.codes.length})`,
      EMBED_FIELD_NAME_MAX - 10,
    );
    // One line per actor: a category's list splits between actors, never inside a name.
    pack([meaning, ...body], EMBED_FIELD_VALUE_MAX, { separator: '\n', oversized: 'cut' }).forEach(
      (value, i) => {
        fields.push({ name: i === 0 ? name : `${name} (cont.)`, value });
      },
    );
  }
  if (fields.length === 0)
    fields.push({ name: 'No categories', value: '_This profile lists no relationship categories._' });

  const embeds: APIEmbed[] = [];
  let page: APIEmbed = { color: COLOUR.brand, description, fields: [] };
  const room = EMBEDS_TOTAL_MAX - EMBED_TITLE_MAX - FOOTER_RESERVE;
  for (const field of fields) {
    const next = { ...page, fields: [...(page.fields ?? []), field] };
    if (
      (page.fields?.length ?? 0) > 0 &&
      ((next.fields?.length ?? 0) > EMBED_FIELDS_MAX || embedSize(next) > room)
    ) {
      embeds.push(page);
      page = { color: COLOUR.brand, description: `${description} (continued)`, fields: [field] };
    } else {
      page = next;
    }
  }
  embeds.push(page);
  return embeds;
}
