// /help: what Dossier can do, the data it holds, and what each relationship category means.
import type { APIEmbed } from 'discord-api-types/v10';
import type { HistoryStatus } from '../history/history.ts';
import { counted } from '../plural.ts';
import { type Corpus, edgeCount } from '../profiles/corpus.ts';
import { truncate } from './budget.ts';
import { escapeMarkdown } from './escape.ts';
import { EMBED_FIELD_VALUE_MAX } from './limits.ts';
import { formatTime } from './profileMessage.ts';
import { NO_MEANING } from './profilePages.ts';
import { BOT_NAME, COLOUR } from './theme.ts';

export interface HelpStatus {
  /** Outcome of the last reload, when one failed and the previous data is still served. */
  lastReloadError?: string;
  history?: HistoryStatus;
}

/** When the last change set was recorded and whether the feed has posts waiting. */
export function historyLine(history: HistoryStatus | undefined): string {
  if (!history?.available) return 'History: not available (see the log); `/changes` cannot answer.';
  const last = history.lastChangeSetAt
    ? `last change set recorded ${formatTime(new Date(history.lastChangeSetAt))}`
    : 'no change set recorded yet';
  const outbox =
    history.outboxPending === 0
      ? 'feed outbox empty'
      : `${counted(history.outboxPending, 'feed post')} waiting to be sent`;
  return `History: ${last}; ${outbox}.`;
}

/** `**3** profiles`: the number in bold. */
function bold(count: string): string {
  return count.replace(/^(\S+)/, '**$1**');
}

export function helpEmbed(corpus: Corpus, status: HelpStatus = {}): APIEmbed {
  const warnings = corpus.diagnostics.filter((d) => d.severity === 'warning').length;
  const errors = corpus.diagnostics.length - warnings;
  const data = [
    `${bold(counted(corpus.profiles.length, 'profile'))}, ${bold(counted(corpus.actors.length, 'actor'))}, ${bold(counted(edgeCount(corpus), 'relationship'))}.`,
    `Loaded ${formatTime(corpus.loadedAt)} with ${counted(warnings, 'warning')}${errors > 0 ? ` and ${counted(errors, 'error')} (those files were skipped)` : ''}.`,
  ];
  data.push(historyLine(status.history));
  if (status.lastReloadError)
    data.push(
      `⚠️ The last reload failed (${escapeMarkdown(status.lastReloadError)}); the data above is still served.`,
    );
  const categories = corpus.categories.map(
    (c) => `**${escapeMarkdown(c.name)}** — ${escapeMarkdown(c.meaning ?? NO_MEANING)}`,
  );
  return {
    title: `${BOT_NAME} — actor profiles`,
    color: COLOUR.brand,
    description: [
      '`/profile actor` — a profile, page by page (overview, key interests, relationships, other sections).',
      '`/relations of actor` — how an actor lists others, with a map.',
      '`/relations toward actor` — who lists an actor, and as what.',
      '`/relations between actor other` — how two actors see each other.',
      '`/relations network` — every profiled actor and who lists whom, as one map.',
      '`/search query` — full text over every section, with snippets.',
      '`/changes [actor] [days]` — what changed in the data, newest first, with each section before and after.',
      'Right-click a message → **Apps → Find actors** — cards for every actor the message names.',
      '',
      'Options: `private` answers only you; `mention` points a public answer at a teammate. In a team channel (like `#team-<actor>`) the actor can be left out.',
    ].join('\n'),
    fields: [
      { name: 'Data', value: truncate(data.join('\n'), EMBED_FIELD_VALUE_MAX) },
      {
        name: 'Relationship categories',
        value: truncate(categories.join('\n') || '_None defined._', EMBED_FIELD_VALUE_MAX),
      },
    ],
  };
}
