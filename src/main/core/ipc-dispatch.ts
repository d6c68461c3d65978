import {
  REQUEST_VALIDATORS,
  type InvokeChannel,
  type RequestOf,
  type ResponseOf,
} from '../../shared/ipc-contract';

/**
 * One async handler for each of the channels `C`. The backend's parts each provide the handlers
 * of their own channels; together they must cover every channel (`InvokeHandlers`).
 */
export type HandlersFor<C extends InvokeChannel> = {
  readonly [K in C]: (payload: RequestOf<K>) => Promise<ResponseOf<K>>;
};

/** One async handler per invoke channel of the contract. */
export type InvokeHandlers = HandlersFor<InvokeChannel>;

/** Thrown for a message that fails validation; the renderer sees only its message. */
export class IpcRejection extends Error {}

/** True for the channels declared in the contract (a compromised renderer may send anything). */
export function isInvokeChannel(channel: string): channel is InvokeChannel {
  return Object.hasOwn(REQUEST_VALIDATORS, channel);
}

/**
 * Validates a payload against the contract and runs the channel's handler. Every route from the
 * renderer into the backend (Electron IPC, the e2e test bridge) goes through here, so no handler
 * ever sees an unchecked payload.
 */
export async function invokeValidated<C extends InvokeChannel>(
  handlers: InvokeHandlers,
  channel: C,
  payload: unknown,
): Promise<ResponseOf<C>> {
  const validate = REQUEST_VALIDATORS[channel] as (value: unknown) => boolean;
  if (!validate(payload)) throw new IpcRejection(`Refused ${channel}: invalid payload.`);
  const handler = handlers[channel] as (value: unknown) => Promise<ResponseOf<C>>;
  return handler(payload ?? null);
}

/**
 * Whether a frame URL belongs to the app's own renderer: the privileged `app://paper-queue`
 * origin, or in development the dev-server origin electron-vite hands us. Anything else
 * (a navigated-away frame, an injected iframe, a devtools page) is refused.
 */
export function isTrustedFrameUrl(frameUrl: string, trustedOrigins: readonly string[]): boolean {
  try {
    const origin = new URL(frameUrl).origin;
    return (
      trustedOrigins.includes(origin) ||
      trustedOrigins.some((trusted) => frameUrl.startsWith(`${trusted}/`))
    );
  } catch {
    return false;
  }
}
