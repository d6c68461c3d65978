import {
  EVENT_FUNCTIONS,
  INVOKE_FUNCTIONS,
  type EventChannel,
  type InvokeChannel,
  type PaperQueueApi,
  type Unsubscribe,
} from './ipc-contract';

/** Sends one request and resolves with main's response. */
export type InvokeTransport = (channel: InvokeChannel, payload: unknown) => Promise<unknown>;
/** Subscribes to one event channel; returns the unsubscribe function. */
export type SubscribeTransport = (
  channel: EventChannel,
  listener: (payload: unknown) => void,
) => Unsubscribe;

/**
 * Builds the `window.paperQueue` object from the contract maps: exactly one function per invoke
 * channel and one subscription per event channel, nothing else (no raw transport, no env). The
 * response types are guaranteed by main's handlers, which are typed against the same contract.
 */
export function buildPaperQueueApi(
  invoke: InvokeTransport,
  subscribe: SubscribeTransport,
): PaperQueueApi {
  const api: Record<string, unknown> = {};
  for (const [name, channel] of Object.entries(INVOKE_FUNCTIONS)) {
    api[name] = (payload?: unknown) => invoke(channel, payload ?? null);
  }
  for (const [name, channel] of Object.entries(EVENT_FUNCTIONS)) {
    api[name] = (listener: (payload: unknown) => void) => subscribe(channel, listener);
  }
  return Object.freeze(api) as PaperQueueApi;
}
