import { useCallback, useEffect, useState } from 'react';

/** Requests to focus the tag or note editor, counted per paper. */
interface EditRequests {
  readonly paperId: string;
  readonly tags: number;
  readonly note: number;
}

const NONE: EditRequests = { paperId: '', tags: 0, note: 0 };

/**
 * T/N requests (focus the tag or note editor) belong to the paper focused when the key was
 * pressed: a request made while the paper was still loading survives, and the next paper does
 * not open with its editor focused. Returns the counts for `focused` and the request function;
 * `currentFocus` reads the focus at key-press time.
 */
export function useEditRequests(
  focused: string | null,
  currentFocus: () => string | null,
): { readonly tags: number; readonly note: number; request(target: 'tags' | 'note'): void } {
  const [requests, setRequests] = useState<EditRequests>(NONE);
  useEffect(
    () => setRequests((current) => (current.paperId === (focused ?? '') ? current : NONE)),
    [focused],
  );
  const request = useCallback(
    (target: 'tags' | 'note') =>
      setRequests((current) => {
        const paperId = currentFocus() ?? '';
        const base = current.paperId === paperId ? current : { ...NONE, paperId };
        return { ...base, [target]: base[target] + 1 };
      }),
    [currentFocus],
  );
  const mine = requests.paperId === focused;
  return { tags: mine ? requests.tags : 0, note: mine ? requests.note : 0, request };
}
