import type { ImportNotice } from '../../../shared/import-types';
import type { EventSender } from './event-sender';

/**
 * Tells the renderer why a file produced no batches (refused, already imported, failed), stamped
 * with the current time. Every such outcome goes through here so the UI can explain it.
 */
export function sendNotice(
  send: EventSender,
  notice: Omit<ImportNotice, 'at'>,
  now: Date = new Date(),
): void {
  send('import:notice', { ...notice, at: now.toISOString() });
}
