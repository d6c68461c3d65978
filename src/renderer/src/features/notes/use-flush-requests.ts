import { useEffect } from 'react';
import type { PaperQueueApi } from '../../../../shared/ipc-contract';
import { flushNoteDrafts } from './note-drafts';

/**
 * Answers main's requests to save pending edits before the window closes: every note draft is
 * saved, then main hears whether all of them were. Subscribed for the window's whole life, also
 * while the library cannot be opened (then there is nothing to save and the answer is quick).
 */
export function useFlushRequests(api: PaperQueueApi | null): void {
  useEffect(() => {
    if (!api) return undefined;
    return api.onFlushRequest(({ requestId }) => {
      void flushNoteDrafts()
        .then((saved) => api.answerFlushRequest({ requestId, saved }))
        .catch((error: unknown) => console.error('Could not answer a flush request', error));
    });
  }, [api]);
}
