import { useCallback, useEffect, useMemo, useState } from 'react';
import type { PaperRow } from '../../db';
import type { RankResult } from '../../../../shared/recommend/types';
import type { RecommendClient } from '../../recommend/recommend-client';

/** The list in For-you order, each paper's "why", and a notice when there is no order yet. */
export interface ForYouOrder {
  readonly rows: readonly PaperRow[];
  /** The top terms that pushed each paper up (comma-separated), or null when not ranking. */
  readonly why: ReadonlyMap<string, string> | null;
  /** Why the list is not in For-you order (too few signals, still ranking), or null. */
  readonly notice: string | null;
}

function plural(count: number, what: string): string {
  return `${count} more ${what}${count === 1 ? '' : 's'}`;
}

/** The notice for a ranking that is not ready. */
export function signalNotice(result: Extract<RankResult, { ready: false }>): string {
  const needs = [
    result.needPositive > 0 ? plural(result.needPositive, 'queued, read or tagged paper') : '',
    result.needNegative > 0 ? plural(result.needNegative, 'dismissed paper') : '',
  ].filter((part) => part !== '');
  return `For you learns from your triage: it needs ${needs.join(' and ')}.`;
}

/** Scores and reasons by paper id. */
function indexRanking(result: Extract<RankResult, { ready: true }>) {
  const scores = new Map<string, number>();
  const why = new Map<string, string>();
  result.ids.forEach((id, i) => {
    scores.set(id, result.scores[i] ?? 0);
    const terms = [...result.why.subarray(i * 3, i * 3 + 3)]
      .filter((at) => at >= 0)
      .map((at) => result.terms[at] ?? '');
    if (terms.length > 0) why.set(id, terms.join(', '));
  });
  return { scores, why };
}

/**
 * `rows` in For-you order (most likely wanted first; ties keep the view's order) while `enabled`,
 * ranked again after every library change (`recommender` is the workspace's, from
 * `useRecommender`); the view's order otherwise, or until a ranking exists.
 */
export function useForYouOrder(
  rows: readonly PaperRow[],
  enabled: boolean,
  recommender: { readonly client: RecommendClient | null; readonly revision: number },
): ForYouOrder {
  const { client, revision } = recommender;
  const [ranking, setRanking] = useState<RankResult | null>(null);
  useEffect(() => {
    if (!enabled || client === null) return undefined;
    let live = true;
    client.rank().then(
      (result) => {
        if (live && result !== null) setRanking(result);
      },
      (error: unknown) => console.error('The For-you order failed', error),
    );
    return () => {
      live = false;
    };
  }, [client, revision, enabled]);
  const indexed = useMemo(() => (ranking?.ready ? indexRanking(ranking) : null), [ranking]);
  return useMemo(() => {
    if (!enabled) return { rows, why: null, notice: null };
    if (ranking === null) return { rows, why: null, notice: 'Ranking your papers…' };
    if (indexed === null || !ranking.ready) {
      return { rows, why: null, notice: ranking.ready ? null : signalNotice(ranking) };
    }
    const { scores, why } = indexed;
    const ordered = rows
      .map((row, index) => ({ row, index, score: scores.get(row.id) ?? 0 }))
      .sort((a, b) => b.score - a.score || a.index - b.index)
      .map(({ row }) => row);
    return { rows: ordered, why, notice: null };
  }, [rows, enabled, ranking, indexed]);
}

/** A list's For-you state: the order, and the switch the list header shows. */
export interface ForYouList extends ForYouOrder {
  readonly on: boolean;
  readonly onToggle: () => void;
}

/**
 * The For-you switch of the workspace's list and `rows` in the order it asks for. The order
 * applies only while switched on and `allowed` (not while searching, not in the queue, whose
 * order is the user's own).
 */
export function useForYouList(
  rows: readonly PaperRow[],
  allowed: boolean,
  recommender: { readonly client: RecommendClient | null; readonly revision: number },
): ForYouList {
  const [on, setOn] = useState(false);
  const onToggle = useCallback(() => setOn((current) => !current), []);
  const order = useForYouOrder(rows, on && allowed, recommender);
  return useMemo(() => ({ ...order, on, onToggle }), [order, on, onToggle]);
}
