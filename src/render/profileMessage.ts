// One page of a profile as a message: the page's embed with a footer, and buttons that carry their state.
import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIComponentInMessageActionRow,
  ButtonStyle,
  ComponentType,
} from 'discord-api-types/v10';
import type { Corpus } from '../profiles/corpus.ts';
import type { Profile } from '../profiles/schema.ts';
import { truncate } from './budget.ts';
import { profileJumpId, profilePageId } from './customId.ts';
import {
  BUTTON_LABEL_MAX,
  BUTTONS_PER_ROW_MAX,
  SELECT_OPTION_LABEL_MAX,
  SELECT_OPTIONS_MAX,
} from './limits.ts';
import { cachedProfilePages, type ProfilePage } from './profilePages.ts';
import { type MessageOptions, type MessageReply, message } from './reply.ts';
import { BOT_NAME } from './theme.ts';

export interface ProfileView {
  profile: Profile;
  pages: readonly ProfilePage[];
  index: number;
}

/** Finds a page by section key and part; unknown keys fall back to the overview, parts are clamped. */
export function profileView(
  corpus: Corpus,
  profile: Profile,
  key = 'overview',
  part = 1,
): ProfileView & { found: boolean } {
  const pages = cachedProfilePages(corpus, profile);
  const inSection = pages.filter((p) => p.key === key);
  const page = inSection.find((p) => p.part === part) ?? inSection[inSection.length - 1];
  const index = page ? pages.indexOf(page) : 0;
  return { profile, pages, index, found: page !== undefined };
}

export interface ProfileMessageOptions {
  /** A line above the embed, e.g. which team default was used. */
  note?: string;
  loadedAt: Date;
}

/** A page with its footer and buttons, for whoever the message is for. */
export function profileContent(
  view: ProfileView,
  options: ProfileMessageOptions,
): Omit<MessageOptions, 'ephemeral' | 'mentionUserId'> {
  const page = view.pages[view.index]!;
  const sectionPart = page.parts > 1 ? ` (${page.part}/${page.parts})` : '';
  const footer = `${truncate(page.label, 80)}${sectionPart} · page ${view.index + 1} of ${view.pages.length} · ${BOT_NAME} · data loaded ${formatTime(options.loadedAt)}`;
  return {
    embeds: [{ ...page.embed, footer: { text: footer } }],
    components: navigation(view),
    content: options.note,
  };
}

/** A page as a public message, as a button's update shows it. */
export function profileMessage(view: ProfileView, options: ProfileMessageOptions): MessageReply {
  return message(profileContent(view, options));
}

function navigation(view: ProfileView): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  const { pages, index, profile } = view;
  if (pages.length <= 1) return [];
  const here = pages[index]!;
  const prev = pages[index - 1];
  const next = pages[index + 1];
  const target = (p: ProfilePage | undefined, slot: string) =>
    profilePageId(profile.id, (p ?? here).key, (p ?? here).part, slot);
  const rows: APIActionRowComponent<APIComponentInMessageActionRow>[] = [
    {
      type: ComponentType.ActionRow,
      components: [
        button(target(prev, 'p'), '◀ Previous', ButtonStyle.Secondary, !prev),
        button(target(here, 'i'), `${index + 1} / ${pages.length}`, ButtonStyle.Secondary, true),
        button(target(next, 'n'), 'Next ▶', ButtonStyle.Secondary, !next),
      ],
    },
  ];
  const sections = pages.filter((p) => p.part === 1);
  if (sections.length <= BUTTONS_PER_ROW_MAX) {
    rows.push({
      type: ComponentType.ActionRow,
      components: sections.map((p) =>
        button(
          target(p, 's'),
          p.label,
          p.key === here.key ? ButtonStyle.Primary : ButtonStyle.Secondary,
          p.key === here.key,
        ),
      ),
    });
  } else {
    rows.push({
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.StringSelect,
          custom_id: profileJumpId(profile.id),
          placeholder: 'Jump to a section…',
          options: sections.slice(0, SELECT_OPTIONS_MAX).map((p) => ({
            label: truncate(p.label, SELECT_OPTION_LABEL_MAX),
            value: p.key,
            default: p.key === here.key,
          })),
        },
      ],
    });
  }
  return rows;
}

function button(
  customId: string,
  label: string,
  style: ButtonStyle.Primary | ButtonStyle.Secondary,
  disabled: boolean,
): APIButtonComponent {
  return {
    type: ComponentType.Button,
    custom_id: customId,
    label: truncate(label, BUTTON_LABEL_MAX),
    style,
    disabled,
  };
}

export function formatTime(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
