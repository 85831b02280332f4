// One dispatched interaction and everything the bot sent back for it (callback, edits of @original,
// follow-ups), with a promise that settles once the response is complete.

import type { Json } from './types.ts';

export interface CallbackRecord {
  type: number;
  data: unknown;
  at: number;
}

export interface RejectedCallback {
  status: number;
  code: number;
  at: number;
}

export interface FollowupRecord {
  id: string;
  body: Json;
  at: number;
}

export interface InteractionResult {
  id: string;
  token: string;
  /** The INTERACTION_CREATE body that was dispatched. */
  payload: Json;
  /** The accepted callback (first one Discord took; 429s, late and repeated callbacks are in `rejected`). */
  callback: CallbackRecord | undefined;
  /**
   * The original response as the bot last set it: the callback's data for types 4 and 7, merged with
   * every edit of @original; for deferred responses the edits only (or the first follow-up, which
   * Discord uses to replace the loading message).
   */
  original: Json | undefined;
  /** Bodies of `PATCH …/messages/@original`, in order. */
  edits: Json[];
  /** Bodies of follow-up messages, in order. */
  followups: Json[];
  rejected: RejectedCallback[];
  /** From dispatch to the last thing the bot sent for this interaction (or the last rejection). */
  elapsedMs: number;
}

export interface ResponseOptions {
  /** Give up after this long (default: the simulator's `responseTimeoutMs`). */
  timeoutMs?: number;
  /** Also wait for this many follow-ups. */
  followups?: number;
  /** A custom notion of "complete", replacing the default one. */
  until?: (result: InteractionResult) => boolean;
}

const DEFERRED = new Set([5, 6]);

export class TrackedInteraction {
  callback: CallbackRecord | undefined;
  readonly rejected: RejectedCallback[] = [];
  readonly edits: Json[] = [];
  readonly followups: FollowupRecord[] = [];
  /** Message ids created for this interaction (the original response and follow-ups). */
  readonly messages = new Map<string, Json>();
  originalMessageId: string | undefined;
  private original: Json | undefined;
  private lastActivityAt: number | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly id: string,
    readonly token: string,
    readonly payload: Json,
    readonly shardId: number,
    readonly dispatchedAt: number,
    private readonly defaultTimeoutMs: number,
  ) {}

  acceptCallback(type: number, data: unknown): void {
    this.callback = { type, data, at: Date.now() };
    if (type === 4 || type === 7) this.original = { ...(data as Json | undefined) };
    this.changed();
  }

  rejectCallback(status: number, code: number): void {
    this.rejected.push({ status, code, at: Date.now() });
    this.changed();
  }

  editOriginal(body: Json): void {
    this.edits.push(body);
    this.original = { ...this.original, ...body };
    this.changed();
  }

  addFollowup(id: string, body: Json): void {
    this.followups.push({ id, body, at: Date.now() });
    // The first follow-up after a deferred reply replaces the "thinking…" message.
    if (this.callback?.type === 5 && this.original === undefined) this.original = { ...body };
    this.changed();
  }

  snapshot(): InteractionResult {
    return {
      id: this.id,
      token: this.token,
      payload: this.payload,
      callback: this.callback,
      original: this.original,
      edits: [...this.edits],
      followups: this.followups.map((f) => f.body),
      rejected: [...this.rejected],
      elapsedMs: this.lastActivityAt === undefined ? 0 : this.lastActivityAt - this.dispatchedAt,
    };
  }

  private isComplete(result: InteractionResult, options: ResponseOptions): boolean {
    if (options.until) return options.until(result);
    if (!result.callback) return false;
    if (result.followups.length < (options.followups ?? 0)) return false;
    if (DEFERRED.has(result.callback.type)) return result.edits.length > 0 || result.followups.length > 0;
    return true;
  }

  /** Settles with the response once complete; rejects with what arrived so far on timeout. */
  response(options: ResponseOptions = {}): Promise<InteractionResult> {
    const timeoutMs = options.timeoutMs ?? this.defaultTimeoutMs;
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const result = this.snapshot();
        if (!this.isComplete(result, options)) return false;
        cleanup();
        resolve(result);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        const seen = this.snapshot();
        reject(
          new Error(
            `interaction ${this.id} (${describePayload(this.payload)}) got no complete response within ${timeoutMs} ms; ` +
              `callback=${seen.callback ? `type ${seen.callback.type}` : 'none'}, edits=${seen.edits.length}, ` +
              `followups=${seen.followups.length}, rejected=${JSON.stringify(seen.rejected)}`,
          ),
        );
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.listeners.delete(listener);
      };
      const listener = () => {
        check();
      };
      this.listeners.add(listener);
      check();
    });
  }

  private changed(): void {
    this.lastActivityAt = Date.now();
    for (const listener of [...this.listeners]) listener();
  }
}

function describePayload(payload: Json): string {
  const data = (payload.data ?? {}) as Json;
  if (typeof data.custom_id === 'string') return `component ${data.custom_id}`;
  return `${String(payload.type === 4 ? 'autocomplete' : 'command')} ${String(data.name ?? '?')}`;
}
