import { createContext, useContext, useEffect, useState } from 'react';
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

/** The workspace's recommender. */
export function useRecommendContext(): RecommendContextValue {
  return useContext(RecommendContext);
}

/**
 * The latest answer of `ask` for `key` (a paper id), asked again when the library changes;
 * undefined until it arrives, and again as soon as `key` changes (a stale answer never shows
 * under another paper). A failed question shows as an empty answer.
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
    ask(client, key).then(
      (value) => {
        if (live && value !== null) setAnswer({ key, value });
      },
      (error: unknown) => console.error('A recommendation failed', error),
    );
    return () => {
      live = false;
    };
    // `ask` is a module-level function at every call site.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, revision, key]);
  return answer?.key === key ? answer.value : undefined;
}
