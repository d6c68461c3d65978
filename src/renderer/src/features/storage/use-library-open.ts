import { useCallback, useEffect, useState } from 'react';
import { getLibrary, openLibraryChecked, type LibraryOpenOutcome } from '../../db';

/** Where opening the library stands: still opening, an outcome, or closed by another window. */
export type LibraryOpenState =
  { readonly kind: 'opening' } | LibraryOpenOutcome | { readonly kind: 'closed-by-other-window' };

/**
 * Opens the library once (`openLibraryChecked`) and follows it: a blocked upgrade moves on by
 * itself when it completes, `retry` opens again after a failure, and another window upgrading or
 * deleting the library later switches to `closed-by-other-window`.
 */
export function useLibraryOpen(): { readonly state: LibraryOpenState; readonly retry: () => void } {
  const [state, setState] = useState<LibraryOpenState>({ kind: 'opening' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    const show = (next: LibraryOpenState): void => {
      if (live) setState(next);
    };
    setState({ kind: 'opening' });
    void openLibraryChecked(getLibrary(), {
      onClosedByOtherConnection: () => show({ kind: 'closed-by-other-window' }),
    }).then((outcome) => {
      show(outcome);
      if (outcome.kind === 'blocked') void outcome.settled.then(show);
    });
    return () => {
      live = false;
    };
  }, [attempt]);
  const retry = useCallback(() => setAttempt((count) => count + 1), []);
  return { state, retry };
}
