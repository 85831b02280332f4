// The change views, pure: a change set as an embed (paged when long, a button per changed section that opens its
// before and after), the list of recent change sets, and one change's before and after. The feed posts the
// change set view; /changes shows the list and opens the same view.
import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
} from 'discord-api-types/v10';
import {
  type ChangeSet,
  type DirectoryChange,
  type InterestChange,
  type ProfileDetail,
  type ProfileEntry,
  viewables,
} from '../history/changeSet.ts';
import { formatWordDelta } from '../history/wordDelta.ts';
import { counted } from '../plural.ts';
import { truncate } from './budget.ts';
import { beforeAfterId, listPageId, OPEN_CHANGE_SET_ID, setPageId } from './changesCustomId.ts';
import { escapeMarkdown } from './escape.ts';
import {
  BUTTON_LABEL_MAX,
  BUTTONS_PER_ROW_MAX,
  codePoints,
  EMBED_DESCRIPTION_MAX,
  EMBED_TITLE_MAX,
  EMBEDS_TOTAL_MAX,
  SELECT_OPTION_LABEL_MAX,
} from './limits.ts';
import { formatTime } from './profileMessage.ts';
import { COLOUR } from './theme.ts';

/** Room for a page's lines: the description, less what a footer and title take. */
const PAGE_TEXT_MAX = EMBED_DESCRIPTION_MAX - 200;
/** Four rows of before-and-after buttons; the fifth row pages. */
const BUTTONS_PER_PAGE = BUTTONS_PER_ROW_MAX * 4;
export const LIST_PAGE_SIZE = 5;

type Names = (code: string) => string | undefined;

interface Line {
  text: string;
  /** Index into viewables(), when the line has a before-and-after button. */
  item?: number;
  button?: string;
}

const quote = (s: string) => `“${escapeMarkdown(s)}”`;
const codeLabel = (code: string, names: Names) => {
  const name = names(code);
  return name ? `${escapeMarkdown(code)} (${escapeMarkdown(name)})` : escapeMarkdown(code);
};

function interestLine(d: InterestChange): string {
  const words = ` (${formatWordDelta(d.words)})`;
  switch (d.change) {
    case 'added':
      return `Interest ${d.number} ${quote(d.title)} added${words}`;
    case 'removed':
      return `Interest ${d.oldNumber} ${quote(d.title)} removed${words}`;
    case 'rewritten':
      return `Interest ${d.number} ${quote(d.title)} rewritten${words}${d.oldNumber !== d.number ? `, renumbered from ${d.oldNumber}` : ''}`;
    case 'retitled':
      return `Interest ${d.number} retitled ${quote(d.oldTitle ?? '')} → ${quote(d.title)}${d.words.added + d.words.removed > 0 ? words : ''}`;
    case 'renumbered':
      return `Interest ${quote(d.title)} renumbered ${d.oldNumber} → ${d.number}`;
  }
}

function detailLine(d: ProfileDetail, names: Names): string {
  switch (d.kind) {
    case 'relationship':
      if (d.change === 'moved')
        return `${codeLabel(d.code, names)} ${escapeMarkdown(d.from ?? '')} → ${escapeMarkdown(d.to ?? '')}`;
      if (d.change === 'added') return `${codeLabel(d.code, names)} added to ${escapeMarkdown(d.to ?? '')}`;
      return `${codeLabel(d.code, names)} removed from ${escapeMarkdown(d.from ?? '')}`;
    case 'interest':
      return interestLine(d);
    case 'section':
      if (d.key === 'name') return `Name ${quote(d.before ?? '')} → ${quote(d.after ?? '')}`;
      if (d.key === 'image')
        return `Flag image ${d.before ? escapeMarkdown(d.before) : 'none'} → ${d.after ? escapeMarkdown(d.after) : 'none'}`;
      return `Section ${quote(d.label)} ${d.change} (${formatWordDelta(d.words)})`;
  }
}

function detailButton(entry: ProfileEntry, d: ProfileDetail | null): string {
  if (!d) return `${entry.name} (${entry.change === 'removed' ? 'removed' : 'new'})`;
  if (d.kind === 'interest') return `${entry.name}: ${d.title}`;
  if (d.kind === 'section') return `${entry.name}: ${d.label}`;
  return entry.name;
}

function directoryLine(d: DirectoryChange, names: Names): string {
  const what = d.kind === 'actor' ? `actor ${codeLabel(d.key, names)}` : `category ${quote(d.key)}`;
  return `Directory: ${what} ${d.change}${d.fields.length > 0 ? ` (${d.fields.map(escapeMarkdown).join(', ')})` : ''}`;
}

/** Every line a change set shows, in order, with its button where it has one. */
export function changeLines(set: ChangeSet, names: Names = () => undefined): Line[] {
  if (set.baseline) return [{ text: baselineText(set) }];
  const items = viewables(set.changes);
  const itemOf = (entry: ProfileEntry, detail: ProfileDetail | null) =>
    items.findIndex((v) => v.entry === entry && v.detail === detail);
  const lines: Line[] = [];
  for (const entry of set.changes.profiles) {
    const name = `**${escapeMarkdown(entry.name)}**`;
    const file = `\`${entry.file.replace(/`/g, "'")}\``;
    if (entry.change === 'added') {
      lines.push({ text: `🆕 ${name} — new profile (${file})`, item: itemOf(entry, null) });
    } else if (entry.change === 'removed') {
      lines.push({
        text: `🗑️ ${name} — profile removed (${file}); its last text is kept`,
        item: itemOf(entry, null),
      });
    } else if (entry.change === 'renamed') {
      lines.push({
        text: `${name} — file renamed \`${(entry.previousFile ?? '').replace(/`/g, "'")}\` → ${file}, same text`,
      });
    } else {
      lines.push({ text: `${name}${entry.details.length === 0 ? ' — layout only, same content' : ''}` });
      const renumbered = entry.details.filter((d) => d.kind === 'interest' && d.change === 'renumbered');
      for (const d of entry.details) {
        if (renumbered.length > 2 && renumbered.includes(d)) continue;
        const i = itemOf(entry, d);
        lines.push({ text: `• ${detailLine(d, names)}`, item: i >= 0 ? i : undefined });
      }
      if (renumbered.length > 2)
        lines.push({
          text: `• Interests renumbered: ${renumbered.map((d) => `${(d as InterestChange).oldNumber} → ${(d as InterestChange).number}`).join(', ')}`,
        });
    }
  }
  for (const d of set.changes.directory) lines.push({ text: directoryLine(d, names) });
  for (const line of lines)
    if (line.item !== undefined) {
      const v = items[line.item]!;
      line.button = detailButton(v.entry, v.detail);
    }
  return lines;
}

export function baselineText(set: ChangeSet): string {
  return `baseline recorded: ${counted(set.profileCount, 'profile')}`;
}

/** How many changes a set holds, for titles and list entries. */
export function changeCount(set: ChangeSet): number {
  let n = set.changes.directory.length;
  for (const p of set.changes.profiles) n += p.change === 'changed' ? Math.max(1, p.details.length) : 1;
  return n;
}

function headline(set: ChangeSet): string {
  if (set.baseline) return 'Baseline recorded';
  const profiles = set.changes.profiles.length;
  return `${counted(changeCount(set), 'change')}${profiles > 0 ? ` in ${counted(profiles, 'profile')}` : ''}`;
}

/** Lines packed into pages: each within the description's room and the page's buttons. */
export function changePages(lines: Line[]): Line[][] {
  const pages: Line[][] = [[]];
  let size = 0;
  let buttons = 0;
  for (const raw of lines) {
    const line = { ...raw, text: truncate(raw.text, 1000) };
    const page = pages[pages.length - 1]!;
    const cost = codePoints(line.text) + 1;
    const button = line.item !== undefined ? 1 : 0;
    if (page.length > 0 && (size + cost > PAGE_TEXT_MAX || buttons + button > BUTTONS_PER_PAGE)) {
      pages.push([line]);
      size = cost;
      buttons = button;
    } else {
      page.push(line);
      size += cost;
      buttons += button;
    }
  }
  return pages;
}

export interface ChangeSetView {
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIComponentInMessageActionRow>[];
}

export function changeSetView(set: ChangeSet, page = 0, names: Names = () => undefined): ChangeSetView {
  const pages = changePages(changeLines(set, names));
  const index = Math.min(Math.max(0, page), pages.length - 1);
  const lines = pages[index]!;
  const embed: APIEmbed = {
    title: truncate(`What changed: ${headline(set)}`, EMBED_TITLE_MAX),
    color: COLOUR.brand,
    description: lines.map((l) => l.text).join('\n'),
    footer: {
      text: `Change set #${set.id} · ${set.reason}${pages.length > 1 ? ` · page ${index + 1} of ${pages.length}` : ''}`,
    },
    timestamp: set.recordedAt.toISOString(),
  };
  const components: APIActionRowComponent<APIComponentInMessageActionRow>[] = [];
  const buttons = lines
    .filter((l) => l.item !== undefined)
    .map((l) => button(beforeAfterId(set.id, l.item!), l.button ?? 'Before and after'));
  for (let i = 0; i < buttons.length; i += BUTTONS_PER_ROW_MAX)
    components.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + BUTTONS_PER_ROW_MAX) });
  if (pages.length > 1)
    components.push({
      type: ComponentType.ActionRow,
      components: [
        button(setPageId(set.id, Math.max(0, index - 1), 'p'), '◀ Previous', index === 0),
        button(setPageId(set.id, index, 'i'), `${index + 1} / ${pages.length}`, true),
        button(
          setPageId(set.id, Math.min(pages.length - 1, index + 1), 'n'),
          'Next ▶',
          index === pages.length - 1,
        ),
      ],
    });
  return { embeds: [embed], components };
}

function button(customId: string, label: string, disabled = false): APIButtonComponent {
  return {
    type: ComponentType.Button,
    custom_id: customId,
    label: truncate(label, BUTTON_LABEL_MAX),
    style: ButtonStyle.Secondary,
    disabled,
  };
}

/** One change's text before and after, each side cut to fit the message. */
export function beforeAfterView(
  set: ChangeSet,
  item: number,
  /** An added or removed profile's whole text, from its versions. */
  wholeText: (profileId: string) => { before: string | null; after: string | null },
): APIEmbed[] | null {
  const v = viewables(set.changes)[item];
  if (!v) return null;
  const { entry, detail } = v;
  const { before, after } = detail ?? wholeText(entry.profileId);
  const what = detail ? detailButton(entry, detail) : entry.name;
  // Two descriptions and two titles must fit the 6,000 shared by a message's embeds.
  const side = Math.floor((EMBEDS_TOTAL_MAX - 2 * EMBED_TITLE_MAX - 200) / 2);
  const body = (text: string | null, missing: string) =>
    text === null ? `_${missing}_` : truncate(escapeMarkdown(text), side) || '_(empty)_';
  return [
    {
      title: truncate(`Before — ${what}`, EMBED_TITLE_MAX),
      color: COLOUR.refused,
      description: body(before, 'Not there before.'),
    },
    {
      title: truncate(`After — ${what}`, EMBED_TITLE_MAX),
      color: COLOUR.brand,
      description: body(after, entry.change === 'removed' ? 'Profile removed.' : 'No longer there.'),
      footer: { text: `Change set #${set.id} · recorded ${formatTime(set.recordedAt)}` },
    },
  ];
}

export interface ListFilter {
  code: string | null;
  /** A removed profile's id, when the list is about one (it has no code any more). */
  profileId?: string;
  /** Actor label for the title. */
  actorName?: string;
  days: number;
}

/** A page of recent change sets, newest first, with a menu to open one and buttons to page. */
export function changeListView(
  result: { items: ChangeSet[]; total: number },
  offset: number,
  filter: ListFilter,
  names: Names = () => undefined,
): ChangeSetView {
  const scope = [
    filter.actorName ? `about ${escapeMarkdown(filter.actorName)}` : '',
    filter.days > 0 ? `in the last ${counted(filter.days, 'day')}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const title = truncate(`Recent changes${scope ? ` ${scope}` : ''}`, EMBED_TITLE_MAX);
  if (result.total === 0)
    return {
      embeds: [
        {
          title,
          color: COLOUR.brand,
          description:
            'No change recorded yet for this. Dossier records what changes each time it loads the data.',
        },
      ],
      components: [],
    };
  const perSet = Math.floor(PAGE_TEXT_MAX / LIST_PAGE_SIZE) - 100;
  const blocks = result.items.map((set) => {
    const lines = changeLines(set, names).map((l) => l.text);
    const head = `**#${set.id}** · ${formatTime(set.recordedAt)} · ${headline(set)}`;
    return `${head}\n${truncate(lines.join('\n'), perSet)}`;
  });
  const pages = Math.ceil(result.total / LIST_PAGE_SIZE);
  const page = Math.floor(offset / LIST_PAGE_SIZE);
  const embed: APIEmbed = {
    title,
    color: COLOUR.brand,
    description: blocks.join('\n\n'),
    footer: {
      text: `${counted(result.total, 'change set')} · newest first${pages > 1 ? ` · page ${page + 1} of ${pages}` : ''}`,
    },
  };
  const components: APIActionRowComponent<APIComponentInMessageActionRow>[] = [
    {
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.StringSelect,
          custom_id: OPEN_CHANGE_SET_ID,
          placeholder: 'Open a change set…',
          options: result.items.map((set) => ({
            label: truncate(
              `#${set.id} · ${formatTime(set.recordedAt)} · ${headline(set)}`,
              SELECT_OPTION_LABEL_MAX,
            ),
            value: String(set.id),
          })),
        },
      ],
    },
  ];
  if (pages > 1)
    components.push({
      type: ComponentType.ActionRow,
      components: [
        button(
          listPageId(Math.max(0, offset - LIST_PAGE_SIZE), filter, filter.days, 'p'),
          '◀ Newer',
          offset === 0,
        ),
        button(listPageId(offset, filter, filter.days, 'i'), `${page + 1} / ${pages}`, true),
        button(
          listPageId(offset + LIST_PAGE_SIZE, filter, filter.days, 'n'),
          'Older ▶',
          offset + LIST_PAGE_SIZE >= result.total,
        ),
      ],
    });
  return { embeds: [embed], components };
}
