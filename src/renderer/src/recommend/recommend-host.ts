/**
 * The recommend worker's message handling, separated from `self` so it can be tested in Node.
 * Library changes are applied as they arrive (tokenising a batch is cheap next to an import's own
 * work; idf, norms and the model are refreshed lazily, at the next question). Questions are
 * answered in arrival order against every change received before them.
 */
import { errorMessage } from '../../../shared/error-message';
import { Recommender } from '../../../shared/recommend/recommender';
import type { RecommendQueries, RecommendRequest, RecommendResponse } from './recommend-protocol';

/** Answers one question of the protocol. */
function answer(
  recommender: Recommender,
  request: Extract<RecommendRequest, { type: 'query' }>,
): RecommendQueries[keyof RecommendQueries]['answer'] {
  if (request.query === 'rank') return recommender.rank();
  const { id, count } = request.args as RecommendQueries['similar']['args'];
  return request.query === 'similar'
    ? recommender.similar(id, count)
    : recommender.suggestTags(id, count);
}

/**
 * Returns a handler for one request that posts its responses through `post`.
 * Invariant: every `query` yields exactly one response carrying its `requestId`.
 */
export function createRecommendHost(
  post: (response: RecommendResponse) => void,
  recommender: Recommender = new Recommender(),
): (request: RecommendRequest) => void {
  return (request) => {
    try {
      if (request.type === 'query') {
        post({
          type: 'answer',
          requestId: request.requestId,
          answer: answer(recommender, request),
        });
        return;
      }
      if (request.type === 'replace-all') recommender.replaceAll(request.docs);
      else if (request.type === 'upsert') recommender.upsert(request.docs);
      else recommender.remove(request.ids);
    } catch (error) {
      const requestId = request.type === 'query' ? request.requestId : undefined;
      post({ type: 'error', requestId, message: errorMessage(error) });
    }
  };
}
