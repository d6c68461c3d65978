import type { EventChannel, EventContract } from '../../../shared/ipc-contract';

/**
 * Sends one typed event to the renderer. Electron's glue implements it with
 * `webContents.send`; the end-to-end test bridge implements it with `page.evaluate`.
 */
export type EventSender = <E extends EventChannel>(channel: E, payload: EventContract[E]) => void;
