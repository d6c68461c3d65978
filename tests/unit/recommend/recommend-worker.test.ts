import { describe, expect, it } from 'vitest';
import type { Recommender } from '../../../src/shared/recommend/recommender';
import type { RecommendDocument } from '../../../src/shared/recommend/types';
import { createRecommendHost } from '../../../src/renderer/src/recommend/recommend-host';
import {
  RecommendClient,
  type RecommendWorkerLike,
} from '../../../src/renderer/src/recommend/recommend-client';
import type {
  RecommendRequest,
  RecommendResponse,
} from '../../../src/renderer/src/recommend/recommend-protocol';

/** A worker that runs the real host in-process, answering asynchronously like a Worker. */
function inProcessWorker(): RecommendWorkerLike & { sent: RecommendRequest[]; ended: boolean } {
  const listeners: ((event: MessageEvent<RecommendResponse>) => void)[] = [];
  const host = createRecommendHost((response) =>
    queueMicrotask(() => {
      for (const listener of listeners)
        listener({ data: response } as MessageEvent<RecommendResponse>);
    }),
  );
  const worker = {
    sent: [] as RecommendRequest[],
    ended: false,
    postMessage(message: RecommendRequest) {
      worker.sent.push(message);
      host(structuredClone(message));
    },
    addEventListener(_type: 'message', listener: (event: MessageEvent<RecommendResponse>) => void) {
      listeners.push(listener);
    },
    terminate() {
      worker.ended = true;
    },
  };
  return worker;
}

const doc = (
  id: string,
  title: string,
  status: RecommendDocument['status'] = 'inbox',
  tags: string[] = [],
) => ({
  id,
  title,
  abstract: `About ${title}.`,
  organization: null,
  status,
  tags,
  note: 'private note, not sent',
});

describe('recommend worker and client', () => {
  it('answers rank, similar and suggest-tags against every change sent before', async () => {
    const worker = inProcessWorker();
    const client = new RecommendClient(worker);
    client.replaceAll([
      ...[0, 1, 2, 3, 4].map((i) => doc(`g${i}`, `Graph networks part ${i}`, 'queued', ['graphs'])),
      ...[0, 1, 2, 3].map((i) => doc(`p${i}`, `Protein folding part ${i}`, 'dismissed')),
      doc('g-new', 'Graph networks again'),
    ]);
    const early = await client.rank();
    expect(early).toMatchObject({ ready: false, needNegative: 1 });
    client.upsert([doc('p4', 'Protein folding part 4', 'dismissed')]);
    const ranked = await client.rank();
    expect(ranked?.ready).toBe(true);
    expect((await client.similar('g-new', 3))?.map((s) => s.id)).toHaveLength(3);
    expect((await client.suggestTags('g-new'))?.map((s) => s.tag)).toEqual(['graphs']);
    client.remove(['g-new']);
    expect(await client.similar('g-new')).toEqual([]);
    const replaced = worker.sent.find((m) => m.type === 'replace-all');
    expect(replaced?.type === 'replace-all' && 'note' in (replaced.docs[0] ?? {})).toBe(false);
  });

  it('settles pending questions with null once disposed', async () => {
    const worker = inProcessWorker();
    const client = new RecommendClient(worker);
    const pending = client.similar('x');
    client.dispose();
    expect(await pending).toBeNull();
    expect(await client.rank()).toBeNull();
    expect(worker.ended).toBe(true);
  });

  it('reports a failed change without a request id and rejects a failed question', async () => {
    const posted: RecommendResponse[] = [];
    const failing = {
      upsert: () => {
        throw new Error('boom');
      },
      similar: () => {
        throw new Error('bad id');
      },
    };
    const host = createRecommendHost(
      (response) => posted.push(response),
      failing as unknown as Recommender,
    );
    host({ type: 'upsert', docs: [] });
    host({ type: 'query', requestId: 4, query: 'similar', args: { id: 'a', count: 1 } });
    expect(posted).toEqual([
      { type: 'error', requestId: undefined, message: 'boom' },
      { type: 'error', requestId: 4, message: 'bad id' },
    ]);
  });

  it('rejects the question the worker failed to answer and reports failed changes', async () => {
    const listeners: ((event: MessageEvent<RecommendResponse>) => void)[] = [];
    const errors: string[] = [];
    const client = new RecommendClient(
      {
        postMessage: (message) => {
          const response: RecommendResponse =
            message.type === 'query'
              ? { type: 'error', requestId: message.requestId, message: 'bad id' }
              : { type: 'error', message: 'boom' };
          queueMicrotask(() => listeners.forEach((l) => l({ data: response } as MessageEvent)));
        },
        addEventListener: (_type, listener) => listeners.push(listener),
        terminate: () => undefined,
      },
      (message) => errors.push(message),
    );
    client.remove(['a']);
    await expect(client.similar('a')).rejects.toThrow('bad id');
    expect(errors).toEqual(['boom']);
  });
});
