// One interaction, from arrival to answer: turn it into a request, dispatch it, defer first when the work takes
// long, send the answer through respond.ts, and log one line. Also counts what is in flight, so a shutdown can
// wait for it.
import { DiscordAPIError, type Interaction, type REST } from 'discord.js';
import { type Dispatched, type Dispatcher, describe } from '../dispatch/dispatcher.ts';
import type { Request } from '../dispatch/request.ts';
import type { Logger } from '../log/logger.ts';
import { restarting } from '../render/notices.ts';
import { type InteractionRef, sendCallback, sendDeferral, sendDeferredResult } from './respond.ts';
import { toRequest } from './toRequest.ts';
import { TurnQueue } from './turnQueue.ts';

/** Discord wants an answer within 3 s; past this, acknowledge first and answer after. */
export const DEFER_AFTER_MS = 1500;
/** Discord errors that mean "this interaction is gone", logged rather than retried. */
const UNKNOWN_INTERACTION = 10062;
const ALREADY_ACKNOWLEDGED = 40060;

export interface PipelineOptions {
  rest: REST;
  dispatcher: Dispatcher;
  logger: Logger;
}

export class InteractionPipeline {
  private readonly inFlight = new Set<Promise<void>>();
  private accepting = true;
  /** Commands and components start one per turn of the event loop; autocomplete does not wait for them. */
  private readonly turns = new TurnQueue();
  /** Interactions answered since start. */
  served = 0;

  constructor(private readonly options: PipelineOptions) {}

  /**
   * Takes an interaction; its answer is sent in the background. Autocomplete is answered at once: it comes with
   * every keystroke, costs a fraction of a millisecond, and a person typing should never wait behind a burst of
   * commands; anything else starts in a turn of its own.
   */
  accept(interaction: Interaction): void {
    // Whether it is served is settled on arrival: one that came before a shutdown began is answered in full.
    const arrival = { at: performance.now(), accepted: this.accepting };
    const work = interaction.isAutocomplete()
      ? this.handle(interaction, arrival)
      : new Promise<void>((resolve) => this.turns.push(() => resolve(this.handle(interaction, arrival))));
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  /** Answers new interactions with "restarting" from now on, and waits (bounded) for those in flight. */
  async drain(graceMs: number): Promise<void> {
    this.accepting = false;
    const pending = [...this.inFlight];
    if (pending.length === 0) return;
    this.options.logger.info({ inFlight: pending.length }, 'waiting for interactions in flight');
    await Promise.race([Promise.allSettled(pending), new Promise((r) => setTimeout(r, graceMs).unref())]);
  }

  /** `arrival.at`: when the interaction arrived, so its logged time includes its wait in the queue. */
  private async handle(interaction: Interaction, arrival: { at: number; accepted: boolean }): Promise<void> {
    const started = arrival.at;
    const request = toRequest(interaction);
    if (!request) return;
    const ref: InteractionRef = {
      id: interaction.id,
      token: interaction.token,
      applicationId: interaction.applicationId,
    };
    if (!arrival.accepted) {
      await this.send(
        ref,
        request,
        { response: { type: 'message', reply: restarting() }, outcome: 'refused' },
        started,
      );
      return;
    }
    const { dispatcher, rest } = this.options;
    const work = dispatcher.dispatch(request);
    let deferred: { ephemeral: boolean } | null = null;
    let timer: NodeJS.Timeout | undefined;
    const deferral =
      request.kind === 'autocomplete'
        ? null
        : new Promise<'defer'>((resolve) => {
            timer = setTimeout(() => resolve('defer'), DEFER_AFTER_MS);
          });
    const first = await (deferral ? Promise.race([work, deferral]) : work);
    clearTimeout(timer);
    if (first === 'defer') {
      const ephemeral = dispatcher.isPrivate(request);
      try {
        await sendDeferral(rest, ref, request.kind === 'component' ? 'update' : 'message', ephemeral);
        deferred = { ephemeral };
      } catch (err) {
        this.logFailure(err, request, started);
        return;
      }
    }
    await this.send(ref, request, await work, started, deferred);
  }

  private async send(
    ref: InteractionRef,
    request: Request,
    result: Dispatched,
    started: number,
    deferred: { ephemeral: boolean } | null = null,
  ): Promise<void> {
    const { logger, rest } = this.options;
    try {
      if (deferred) await sendDeferredResult(rest, ref, result.response, deferred.ephemeral);
      else await sendCallback(rest, ref, result.response);
      this.served++;
      // Autocomplete comes with every keystroke and is logged at debug only: skip building its line otherwise.
      const level = request.kind === 'autocomplete' ? 'debug' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      const line = {
        ...describe(request),
        outcome: result.outcome,
        ref: result.ref,
        deferred: Boolean(deferred),
        ms: Math.round(performance.now() - started),
      };
      logger[level](line, 'interaction');
    } catch (err) {
      this.logFailure(err, request, started, result.ref);
    }
  }

  private logFailure(err: unknown, request: Request, started: number, ref?: string): void {
    const { logger } = this.options;
    const line = { ...describe(request), ref, ms: Math.round(performance.now() - started) };
    if (
      err instanceof DiscordAPIError &&
      (err.code === UNKNOWN_INTERACTION || err.code === ALREADY_ACKNOWLEDGED)
    ) {
      logger.warn(
        { ...line, code: err.code },
        err.code === UNKNOWN_INTERACTION
          ? 'interaction expired before the answer'
          : 'interaction already acknowledged',
      );
      return;
    }
    const failed = failedRequest(err);
    logger.error(failed ? { ...line, discord: failed } : { ...line, err }, 'could not send the answer');
  }
}

/**
 * A request Discord refused, as a log line should show it: status, code, method and route, but not the request
 * body (the whole answer, often kilobytes) nor the interaction token that the URL carries. Undefined for errors
 * that are not such a request (they are logged with their stack).
 */
export function failedRequest(err: unknown): Record<string, unknown> | undefined {
  if (!(err instanceof Error) || !('url' in err) || !('method' in err) || typeof err.url !== 'string')
    return undefined;
  let path = err.url;
  try {
    path = new URL(err.url).pathname;
  } catch {
    // Not a URL: kept as it is, and still cut below.
  }
  return {
    type: err.name,
    message: err.message,
    status: 'status' in err ? err.status : undefined,
    code: 'code' in err ? err.code : undefined,
    method: err.method,
    path: path
      .replace(/(\/interactions\/\d+\/)[^/]+/, '$1:token')
      .replace(/(\/webhooks\/\d+\/)[^/]+/, '$1:token'),
  };
}
