// Chooses, for each kind of request body the bot sends, the OpenAPI schema and the hand-written limit
// checks that apply, and runs both.

import { checkCallback, checkCommand, checkCommandList, checkMessage } from './checkLimits.ts';
import { arrayOf, ref, validateAgainstSpec } from './specValidator.ts';
import type { Json, Violation } from './types.ts';

export type BodyKind =
  | 'commandList'
  | 'command'
  | 'callback'
  | 'webhookEdit'
  | 'webhookExecute'
  | 'channelMessage';

export type Finding = Pick<Violation, 'source' | 'message'>;

/** Schema names by interaction callback type; the deferred types share their family's schema. */
const CALLBACK_SCHEMAS: Record<number, string> = {
  1: 'PongInteractionCallbackRequest',
  4: 'CreateMessageInteractionCallbackRequest',
  5: 'CreateMessageInteractionCallbackRequest',
  6: 'UpdateMessageInteractionCallbackRequest',
  7: 'UpdateMessageInteractionCallbackRequest',
  8: 'ApplicationCommandAutocompleteCallbackRequest',
  9: 'ModalInteractionCallbackRequest',
  12: 'LaunchActivityInteractionCallbackRequest',
};

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The spec types `default_member_permissions` as an integer, but Discord documents (and discord.js sends)
 * a numeric string; compare the number so that a correct body is not reported.
 */
function forSpec(command: unknown): unknown {
  if (!isObject(command)) return command;
  const perms = command.default_member_permissions;
  if (typeof perms === 'string' && /^\d+$/.test(perms))
    return { ...command, default_member_permissions: Number(perms) };
  return command;
}

function spec(key: string, schema: object, body: unknown): Finding[] {
  return validateAgainstSpec(key, schema, body).map((message) => ({ source: 'openapi', message }));
}

function limits(messages: string[]): Finding[] {
  return messages.map((message) => ({ source: 'limits', message }));
}

export interface BodyContext {
  hasFiles?: boolean;
  /** Flags of the message an edit or update applies to. */
  existingFlags?: number;
}

export function validateBody(kind: BodyKind, body: unknown, context: BodyContext = {}): Finding[] {
  const { hasFiles = false, existingFlags = 0 } = context;
  switch (kind) {
    case 'commandList': {
      const normalized = Array.isArray(body) ? body.map(forSpec) : body;
      return [
        ...spec('commandList', arrayOf('ApplicationCommandUpdateRequest', 130), normalized),
        ...limits(checkCommandList(body)),
      ];
    }
    case 'command':
      return [
        ...spec('command', ref('ApplicationCommandCreateRequest'), forSpec(body)),
        ...limits(checkCommand(body)),
      ];
    case 'callback': {
      const type = isObject(body) ? body.type : undefined;
      const schema = typeof type === 'number' ? CALLBACK_SCHEMAS[type] : undefined;
      if (!schema)
        return [{ source: 'openapi', message: `unknown interaction callback type ${String(type)}` }];
      return [
        ...spec(`callback:${schema}`, ref(schema), body),
        ...limits(checkCallback(body, hasFiles, existingFlags)),
      ];
    }
    case 'webhookEdit':
      return [
        ...spec('webhookEdit', ref('IncomingWebhookUpdateRequestPartial'), body),
        ...limits(checkMessage(body, { creates: false, hasFiles, existingFlags })),
      ];
    case 'webhookExecute':
      return [
        ...spec('webhookExecute', ref('IncomingWebhookRequestPartial'), body),
        ...limits(checkMessage(body, { creates: true, hasFiles })),
      ];
    case 'channelMessage':
      return [
        ...spec('channelMessage', ref('MessageCreateRequest'), body),
        ...limits(checkMessage(body, { creates: true, hasFiles })),
      ];
  }
}
