// The one place that sends interaction responses. It posts the exact API JSON the handlers built (the same the
// console's --json prints), through discord.js's REST client so 429s and 5xx are retried for us; files go with it
// as one multipart body (multipart.ts).
import type { REST, RequestData } from 'discord.js';
import {
  type APIInteractionResponse,
  InteractionResponseType,
  MessageFlags,
  Routes,
} from 'discord-api-types/v10';
import { callbackBody } from '../dispatch/callbackBody.ts';
import type { Response } from '../dispatch/response.ts';
import type { MessageReply } from '../render/reply.ts';
import { multipartBody } from './multipart.ts';

export interface InteractionRef {
  id: string;
  token: string;
  applicationId: string;
}

/** What discord.js's REST client takes for `body` with the reply's files, as one multipart body when there are any. */
function withFiles(body: unknown, reply: MessageReply | undefined): RequestData {
  if (!reply || reply.files.length === 0) return { body, auth: false };
  const multipart = multipartBody(body, reply.files);
  return {
    body: multipart.body,
    passThroughBody: true,
    headers: { 'Content-Type': multipart.contentType },
    auth: false,
  };
}

export async function sendCallback(rest: REST, ref: InteractionRef, response: Response): Promise<void> {
  const reply = response.type === 'choices' ? undefined : response.reply;
  await rest.post(Routes.interactionCallback(ref.id, ref.token), withFiles(callbackBody(response), reply));
}

/** Acknowledges now and answers later: "thinking…" for a command, a silent acknowledgement for a component. */
export async function sendDeferral(
  rest: REST,
  ref: InteractionRef,
  kind: 'message' | 'update',
  ephemeral: boolean,
): Promise<void> {
  const body: APIInteractionResponse =
    kind === 'update'
      ? { type: InteractionResponseType.DeferredMessageUpdate }
      : {
          type: InteractionResponseType.DeferredChannelMessageWithSource,
          data: ephemeral ? { flags: MessageFlags.Ephemeral } : {},
        };
  await rest.post(Routes.interactionCallback(ref.id, ref.token), { body, auth: false });
}

/** Completes a deferral. A private answer to a public deferral replaces the "thinking…" with a private follow-up. */
export async function sendDeferredResult(
  rest: REST,
  ref: InteractionRef,
  response: Response,
  deferredEphemeral: boolean,
): Promise<void> {
  if (response.type === 'choices') throw new Error('autocomplete cannot be deferred');
  const { data } = response.reply;
  const wantsEphemeral = ((data.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
  const original = Routes.webhookMessage(ref.applicationId, ref.token, '@original');
  if (wantsEphemeral && !deferredEphemeral && response.type === 'message') {
    await rest.delete(original, { auth: false });
    await rest.post(Routes.webhook(ref.applicationId, ref.token), withFiles(data, response.reply));
    return;
  }
  const { flags: _flags, ...edit } = data;
  await rest.patch(original, withFiles(edit, response.reply));
}
