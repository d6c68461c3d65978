import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { REQUEST_VALIDATORS, type InvokeChannel } from '../../shared/ipc-contract';
import type { InvokeHandlers } from '../core/ipc-dispatch';
import { invokeValidated, IpcRejection } from '../core/ipc-dispatch';

/**
 * Registers every contract channel on `ipcMain` through one typed path: the sender frame is
 * checked first, then the payload is validated, then the handler runs. Returns a function that
 * removes all handlers (used on shutdown and in tests).
 */
export function registerInvokeHandlers(
  ipc: Pick<IpcMain, 'handle' | 'removeHandler'>,
  handlers: InvokeHandlers,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
): () => void {
  const channels = Object.keys(REQUEST_VALIDATORS) as InvokeChannel[];
  for (const channel of channels) {
    ipc.handle(channel, async (event, payload: unknown) => {
      if (!isTrustedSender(event)) throw new IpcRejection(`Refused ${channel}: untrusted sender.`);
      return invokeValidated(handlers, channel, payload);
    });
  }
  return () => {
    for (const channel of channels) ipc.removeHandler(channel);
  };
}
