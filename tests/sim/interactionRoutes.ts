// REST routes that answer interactions: the callback, edits of @original, follow-ups and their edits and
// deletions. They enforce Discord's lifecycle: 3 s to acknowledge (10062), one acknowledgement (40060),
// and webhook routes only once the interaction has been acknowledged.

import { errors, type Reply } from './http.ts';
import { EPHEMERAL, messageObject } from './payloads.ts';
import type { Route } from './rest.ts';
import { snowflake } from './snowflake.ts';
import type { TrackedInteraction } from './TrackedInteraction.ts';
import type { Json, SimFile, SimUser } from './types.ts';

export interface InteractionRoutesWorld {
  applicationId: string;
  bot: SimUser;
  deadlineMs: number;
  byId(id: string): TrackedInteraction | undefined;
  byToken(token: string): TrackedInteraction | undefined;
}

/** Flag Discord sets on the placeholder message of a deferred reply until it is edited. */
const LOADING = 1 << 7;
/** What an edit may set, and what `null` clears each field to. */
const EDITABLE: Record<string, unknown> = { content: '', embeds: [], components: [], poll: null };

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const asJson = (v: unknown): Json => (isObject(v) ? v : {});

/** Uploaded files become attachment objects; ids that are not upload indexes refer to kept attachments. */
function attachmentsFor(body: Json, files: SimFile[], channelId: string): unknown[] | undefined {
  const declared = Array.isArray(body.attachments) ? body.attachments.filter(isObject) : undefined;
  if (!declared && files.length === 0) return undefined;
  const uploads = files.map((file, index) => {
    const id = snowflake();
    const meta = declared?.find((a) => String(a.id) === String(index));
    const filename = typeof meta?.filename === 'string' ? meta.filename : file.filename;
    const url = `https://cdn.discordapp.com/attachments/${channelId}/${id}/${filename}`;
    return { id, filename, size: file.size, url, proxy_url: url, content_type: file.contentType };
  });
  const kept = (declared ?? []).filter((a) => String(a.id).length > 5);
  return [...kept, ...uploads];
}

function applyEdit(message: Json, body: Json, files: SimFile[]): Json {
  const next: Json = { ...message, edited_timestamp: new Date().toISOString() };
  for (const [key, cleared] of Object.entries(EDITABLE)) if (key in body) next[key] = body[key] ?? cleared;
  // Only some flags (e.g. SUPPRESS_EMBEDS) are editable; the rest of the message's flags stay.
  const flags = typeof body.flags === 'number' ? body.flags : Number(message.flags ?? 0);
  next.flags = (flags | (Number(message.flags ?? 0) & EPHEMERAL)) & ~LOADING;
  const attachments = attachmentsFor(body, files, String(message.channel_id));
  if (attachments) next.attachments = attachments;
  return next;
}

export function interactionRoutes(world: InteractionRoutesWorld): Route[] {
  const newMessage = (it: TrackedInteraction, body: Json, files: SimFile[], id?: string): Json => {
    const payload = it.payload;
    const invoker = asJson(asJson(payload.member).user ?? payload.user);
    const commandType = asJson(payload.data).type;
    const message = messageObject({
      id,
      channelId: String(payload.channel_id),
      guildId: typeof payload.guild_id === 'string' ? payload.guild_id : null,
      author: { ...world.bot, bot: true },
      body,
      applicationId: world.applicationId,
      webhookId: world.applicationId,
      // 20 = reply to a chat input command, 23 = to a context menu command, 19 = reply (components).
      type: payload.type === 3 ? 19 : commandType === 1 ? 20 : 23,
      interactionMetadata: {
        id: it.id,
        type: payload.type,
        user: invoker,
        authorizing_integration_owners: payload.authorizing_integration_owners,
      },
    });
    const attachments = attachmentsFor(body, files, String(payload.channel_id));
    if (attachments) message.attachments = attachments;
    return message;
  };

  /** The interaction behind a webhook token, once acknowledged. */
  const webhookTarget = (params: Record<string, string>): TrackedInteraction | Reply => {
    const it = params.app === world.applicationId ? world.byToken(params.token ?? '') : undefined;
    if (!it?.callback) return errors.unknownWebhook();
    return it;
  };
  const messageId = (it: TrackedInteraction, id: string | undefined) =>
    id === '@original' ? it.originalMessageId : id;

  return [
    {
      method: 'POST',
      path: '/interactions/{id}/{token}/callback',
      auth: false,
      handle: ({ params, request, validate }) => {
        const it = world.byId(params.id ?? '');
        if (!it || it.token !== params.token) return errors.unknownInteraction();
        const invalid = validate('callback', {
          existingFlags: Number(asJson(it.payload.message).flags ?? 0),
        });
        if (invalid) {
          it.rejectCallback(invalid.status, 50035);
          return invalid;
        }
        if (it.callback) {
          it.rejectCallback(400, 40060);
          return errors.alreadyAcknowledged();
        }
        if (Date.now() - it.dispatchedAt > world.deadlineMs) {
          it.rejectCallback(404, 10062);
          return errors.unknownInteraction();
        }
        const body = asJson(request.body);
        const type = Number(body.type);
        const data = asJson(body.data);
        let message: Json | undefined;
        if (type === 4 || type === 5) {
          const placeholder = type === 5 ? { flags: (Number(data.flags) || 0) | LOADING } : data;
          message = newMessage(it, placeholder, request.files);
          it.originalMessageId = String(message.id);
        } else if ((type === 6 || type === 7) && isObject(it.payload.message)) {
          message = type === 7 ? applyEdit(it.payload.message, data, request.files) : it.payload.message;
          it.originalMessageId = String(message.id);
        }
        if (message) it.messages.set(String(message.id), message);
        it.acceptCallback(type, body.data);

        if (request.query.with_response !== 'true') return { status: 204 };
        const flags = Number(message?.flags ?? 0);
        return {
          status: 200,
          body: {
            interaction: {
              id: it.id,
              type: it.payload.type,
              response_message_id: message?.id,
              response_message_loading: type === 5,
              response_message_ephemeral: (flags & EPHEMERAL) !== 0,
            },
            resource: message ? { type, message } : { type },
          },
        };
      },
    },
    {
      method: 'POST',
      path: '/webhooks/{app}/{token}',
      auth: false,
      handle: ({ params, request, validate }) => {
        const it = webhookTarget(params);
        if ('status' in it) return it;
        const invalid = validate('webhookExecute');
        if (invalid) return invalid;
        const body = asJson(request.body);
        // Discord turns the first follow-up after a deferred reply into the reply itself.
        const replacesPlaceholder =
          it.callback?.type === 5 && it.edits.length === 0 && it.followups.length === 0;
        const message = newMessage(
          it,
          body,
          request.files,
          replacesPlaceholder ? it.originalMessageId : undefined,
        );
        it.messages.set(String(message.id), message);
        it.addFollowup(String(message.id), body);
        return request.query.wait === 'true' ? { status: 200, body: message } : { status: 204 };
      },
    },
    {
      method: 'GET',
      path: '/webhooks/{app}/{token}/messages/{message}',
      auth: false,
      handle: ({ params }) => {
        const it = webhookTarget(params);
        if ('status' in it) return it;
        const message = it.messages.get(messageId(it, params.message) ?? '');
        return message ? { status: 200, body: message } : errors.unknownMessage();
      },
    },
    {
      method: 'PATCH',
      path: '/webhooks/{app}/{token}/messages/{message}',
      auth: false,
      handle: ({ params, request, validate }) => {
        const it = webhookTarget(params);
        if ('status' in it) return it;
        const id = messageId(it, params.message) ?? '';
        const message = it.messages.get(id);
        if (!message) return errors.unknownMessage();
        const invalid = validate('webhookEdit', { existingFlags: Number(message.flags ?? 0) });
        if (invalid) return invalid;
        const body = asJson(request.body);
        const edited = applyEdit(message, body, request.files);
        it.messages.set(id, edited);
        if (id === it.originalMessageId) it.editOriginal(body);
        return { status: 200, body: edited };
      },
    },
    {
      method: 'DELETE',
      path: '/webhooks/{app}/{token}/messages/{message}',
      auth: false,
      handle: ({ params }) => {
        const it = webhookTarget(params);
        if ('status' in it) return it;
        const id = messageId(it, params.message) ?? '';
        if (!it.messages.delete(id)) return errors.unknownMessage();
        return { status: 204 };
      },
    },
  ];
}
