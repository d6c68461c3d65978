/**
 * Asking the renderer to save what it has not saved yet (note drafts) before the window closes,
 * and waiting for its answer with a time limit, so that closing never loses keystrokes and a
 * hung renderer never keeps the window from closing.
 */
import type { FlushAnswer } from '../../shared/ipc-validators';
import type { EventSender } from './import/event-sender';

/** How a flush ended: everything saved, the renderer could not save something, or no answer. */
export type FlushResult = 'saved' | 'failed' | 'timed-out';

/** Flush requests sent to the renderer and not answered yet. */
export class FlushRequests {
  private nextId = 1;
  private readonly waiting = new Map<number, (result: FlushResult) => void>();

  constructor(private readonly send: EventSender) {}

  /** Asks the renderer to flush; settles with its answer, or `timed-out` after `limitMs`. */
  request(limitMs: number): Promise<FlushResult> {
    const requestId = this.nextId++;
    const answered = new Promise<FlushResult>((resolve) => {
      const timer = setTimeout(() => settle('timed-out'), limitMs);
      const settle = (result: FlushResult): void => {
        clearTimeout(timer);
        this.waiting.delete(requestId);
        resolve(result);
      };
      this.waiting.set(requestId, settle);
    });
    this.send('renderer:flush-request', { requestId });
    return answered;
  }

  /** The renderer's answer; an unknown or late one (already timed out) is ignored. */
  answer(answer: FlushAnswer): void {
    this.waiting.get(answer.requestId)?.(answer.saved ? 'saved' : 'failed');
  }
}
