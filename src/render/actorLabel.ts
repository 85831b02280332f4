// How an actor is named in every reply: flag, name and code; an unknown code is shown raw, as the page has it.
import type { CorpusActor } from '../profiles/corpus.ts';
import { escapeMarkdown } from './escape.ts';

export function actorLabel(actor: CorpusActor | undefined, code: string): string {
  if (!actor) return `${escapeMarkdown(code)} (not in the directory)`;
  return `${actor.flag ? `${actor.flag} ` : ''}${escapeMarkdown(actor.name)} (${escapeMarkdown(actor.code)})`;
}

export function actorTitle(actor: CorpusActor): string {
  return `${actor.flag ? `${actor.flag} ` : ''}${actor.name}`;
}

export function actorTitleEscaped(actor: CorpusActor): string {
  return `${actor.flag ? `${actor.flag} ` : ''}${escapeMarkdown(actor.name)}`;
}
