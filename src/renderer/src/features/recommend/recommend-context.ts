import { createContext, useContext, useEffect, useMemo, useState } from 'react';
import type { RecommendClient } from '../../recommend/recommend-client';

/** The recommender of the library screen, and how a suggested paper is opened. */
export interface RecommendContextValue {
  readonly client: RecommendClient | null;
  /** Changes after every library change sent to the worker; answers are asked again. */
  readonly revision: number;
  /** Shows paper `id` in the detail pane. */
  readonly openPaper: (id: string) => void;
}

/** Provided by the library workspace; without it there are no recommendations. */
export const RecommendContext = createContext<RecommendContextValue>({
  client: null,
  revision: 0,
  openPaper: () => undefined,
});

/**
 * The paper the detail pane shows and the context the workspace provides: a similar paper opened
 * from the detail pane becomes the list's focus when the list holds it (so the triage keys act on
 * the paper shown); otherwise it shows until the list's focus moves, then the focused one again.
 */
export function useOpenedPaper(
  focused: string | null,
  recommender: { readonly client: RecommendClient | null; readonly revision: number },
  list: { readonly ids: readonly string[]; readonly focus: (id: string) => void },
): { readonly shownId: string | null; readonly context: RecommendContextValue } {
  const [opened, setOpened] = useState<{ readonly id: string; readonly over: string | null }>();
  const shownId = opened !== undefined && opened.over === focused ? opened.id : focused;
  const { client, revision } = recommender;
  const { ids, focus } = list;
  const context = useMemo(
    () => ({
      client,
      revision,
      openPaper: (id: string) => {
        if (ids.includes(id)) focus(id);
        else setOpened({ id, over: focused });
      },
    }),
    [client, revision, focused, ids, focus],
  );
  return { shownId, context };
}

/** The workspace's recommender. */
export function useRecommendContext(): RecommendContextValue {
  return useContext(RecommendContext);
}

/** How long a paper must stay shown before its recommendations are asked for. */
const ASK_AFTER_REST_MS = 120;

/**
 * The latest answer of `ask` for `key` (a paper id), asked again when the library changes;
 * undefined until it arrives, and again as soon as `key` changes (a stale answer never shows
 * under another paper). A failed question shows as an empty answer. Asked only once `key` has
 * stayed for `ASK_AFTER_REST_MS`, so fast key repeat does not queue a question per paper passed.
 */
export function useRecommendAnswer<T>(
  key: string,
  ask: (client: RecommendClient, key: string) => Promise<T | null>,
): T | undefined {
  const { client, revision } = useRecommendContext();
  const [answer, setAnswer] = useState<{ key: string; value: T } | undefined>(undefined);
  useEffect(() => {
    if (client === null) return undefined;
    let live = true;
    // Asked once the paper stays shown a moment: J/K held down passes papers without asking.
    const timer = setTimeout(() => {
      ask(client, key).then(
        (value) => {
          if (live && value !== null) setAnswer({ key, value });
        },
        (error: unknown) => console.error('A recommendation failed', error),
      );
    }, ASK_AFTER_REST_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // `ask` is a module-level function at every call site.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, revision, key]);
  return answer?.key === key ? answer.value : undefined;
}
