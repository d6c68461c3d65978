import { describe, expect, it } from 'vitest';
import { SearchClient } from '../../../src/renderer/src/search/search-client';
import type { SearchWorkerLike } from '../../../src/renderer/src/search/search-client';
import type {
  SearchRequest,
  SearchResponse,
} from '../../../src/renderer/src/search/search-protocol';
import type { SearchDocument } from '../../../src/shared/search/search-types';
import { createSearchHost } from '../../../src/renderer/src/search/search-worker-host';

/** A worker stand-in: records requests; the test decides when the worker answers. */
class FakeWorker implements SearchWorkerLike {
  readonly sent: SearchRequest[] = [];
  terminated = false;
  private listener: ((event: MessageEvent<SearchResponse>) => void) | null = null;

  postMessage(message: SearchRequest): void {
    this.sent.push(message);
  }
  addEventListener(_type: 'message', listener: (event: MessageEvent<SearchResponse>) => void) {
    this.listener = listener;
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(response: SearchResponse): void {
    this.listener?.({ data: response } as MessageEvent<SearchResponse>);
  }
  searches(): Extract<SearchRequest, { type: 'search' }>[] {
    return this.sent.filter(
      (m): m is Extract<SearchRequest, { type: 'search' }> => m.type === 'search',
    );
  }
}

const empty = (tookMs = 1) => ({ hits: [], total: 0, partialTotal: 0, tookMs, problems: [] });

describe('SearchClient', () => {
  it('resolves superseded searches with null and sends only the latest', async () => {
    const worker = new FakeWorker();
    const client = new SearchClient(worker);
    const first = client.search({ text: 's' });
    const second = client.search({ text: 'sp' });
    const third = client.search({ text: 'spa' });
    expect(await second).toBeNull();
    expect(await first).toBeNull();
    expect(worker.searches().map((m) => m.query.text)).toEqual(['s']);
    worker.reply({
      type: 'result',
      requestId: worker.searches()[0]?.requestId ?? 0,
      result: empty(),
    });
    expect(worker.searches().map((m) => m.query.text)).toEqual(['s', 'spa']);
    const latest = worker.searches()[1];
    worker.reply({ type: 'result', requestId: latest?.requestId ?? 0, result: empty(7) });
    expect(await third).toEqual(empty(7));
  });

  it('rejects the current search on a worker error and reports index errors separately', async () => {
    const worker = new FakeWorker();
    const errors: string[] = [];
    const ready: number[] = [];
    const client = new SearchClient(worker, {
      onError: (message) => errors.push(message),
      onReady: (size) => ready.push(size),
    });
    const pending = client.search({ text: 'x' });
    const requestId = worker.searches()[0]?.requestId ?? 0;
    worker.reply({ type: 'error', requestId, message: 'boom' });
    await expect(pending).rejects.toThrow('boom');
    worker.reply({ type: 'error', message: 'bad batch' });
    worker.reply({ type: 'ready', size: 3, buildMs: 1 });
    expect(errors).toEqual(['bad batch']);
    expect(ready).toEqual([3]);
  });

  it('dispose settles pending searches with null and terminates the worker', async () => {
    const worker = new FakeWorker();
    const client = new SearchClient(worker);
    const pending = client.search({ text: 'x' });
    client.dispose();
    expect(await pending).toBeNull();
    expect(await client.search({ text: 'y' })).toBeNull();
    expect(worker.terminated).toBe(true);
  });

  it('works end to end with the worker host (index changes, then search)', async () => {
    const worker = new FakeWorker();
    const client = new SearchClient(worker);
    const host = createSearchHost((response) => queueMicrotask(() => worker.reply(response)));
    const doc: SearchDocument = {
      id: 'a',
      title: 'Sparse Attention with Linear Units',
      abstract: 'ReLU attention.',
      organization: null,
      tags: [],
      note: '',
      status: 'inbox',
      year: null,
    };
    client.replaceAll([doc]);
    const pending = client.search({ text: 'sparse atention' });
    for (const request of worker.sent) host(request);
    const result = await pending;
    expect(result?.hits.map((hit) => hit.id)).toEqual(['a']);
  });
});

describe('search worker host', () => {
  it('answers a search queued behind a build against the new index', () => {
    const responses: SearchResponse[] = [];
    const host = createSearchHost((response) => responses.push(response));
    const docs = Array.from({ length: 2000 }, (_, i) => ({
      id: `d${i}`,
      title: `Paper ${i} about widgets`,
      abstract: 'An abstract.',
      organization: null,
      tags: [],
      note: '',
      status: 'inbox' as const,
      year: null,
    }));
    host({ type: 'replace-all', docs });
    host({ type: 'search', requestId: 1, query: { text: 'widgets', limit: 5 } });
    expect(responses[0]).toMatchObject({ type: 'ready', size: 2000 });
    expect(responses[1]).toMatchObject({ type: 'result', requestId: 1 });
    const result = responses[1]?.type === 'result' ? responses[1].result : null;
    expect(result?.total).toBe(2000);
    expect(result?.hits.length).toBe(5);
  });

  function widgetDoc(id: string, title = `Paper ${id} about widgets`): SearchDocument {
    return {
      id,
      title,
      abstract: 'An abstract.',
      organization: null,
      tags: [],
      note: '',
      status: 'inbox',
      year: null,
    };
  }

  /** A host whose settle timer is fired by hand. */
  function hostWithManualTimer() {
    const responses: SearchResponse[] = [];
    const timers = new Map<number, () => void>();
    let nextTimer = 1;
    const host = createSearchHost((response) => responses.push(response), {
      setTimer: (callback) => {
        timers.set(nextTimer, callback);
        return nextTimer++;
      },
      clearTimer: (handle) => timers.delete(handle as number),
    });
    const fireTimers = (): void => {
      const due = [...timers.values()];
      timers.clear();
      for (const callback of due) callback();
    };
    return { host, responses, timers, fireTimers };
  }

  function hitIds(response: SearchResponse | undefined): string[] {
    return response?.type === 'result' ? response.result.hits.map((hit) => hit.id) : [];
  }

  it('buffers incremental changes and applies them together once they settle', () => {
    const { host, responses, timers, fireTimers } = hostWithManualTimer();
    host({ type: 'upsert', docs: [widgetDoc('a'), widgetDoc('b')] });
    host({ type: 'upsert', docs: [widgetDoc('c')] });
    host({ type: 'remove', ids: ['b'] });
    expect(responses).toEqual([]);
    expect(timers.size).toBe(1);
    fireTimers();
    expect(responses).toEqual([expect.objectContaining({ type: 'ready', size: 2 })]);
    host({ type: 'search', requestId: 1, query: { text: 'widgets', limit: 10 } });
    expect(hitIds(responses[1]).sort()).toEqual(['a', 'c']);
  });

  it('applies buffered changes before answering a search, in the order they were sent', () => {
    const { host, responses, timers } = hostWithManualTimer();
    host({ type: 'upsert', docs: [widgetDoc('a'), widgetDoc('b')] });
    host({ type: 'remove', ids: ['a'] });
    host({ type: 'upsert', docs: [widgetDoc('b', 'Gadgets only')] });
    host({ type: 'search', requestId: 7, query: { text: 'widgets', limit: 10 } });
    expect(timers.size).toBe(0);
    expect(responses[0]).toMatchObject({ type: 'ready', size: 1 });
    expect(responses[1]).toMatchObject({ type: 'result', requestId: 7 });
    expect(hitIds(responses[1])).toEqual([]);
    host({ type: 'search', requestId: 8, query: { text: 'gadgets', limit: 10 } });
    expect(hitIds(responses[2])).toEqual(['b']);
  });

  it('drops buffered changes when the whole index is replaced', () => {
    const { host, responses, timers, fireTimers } = hostWithManualTimer();
    host({ type: 'upsert', docs: [widgetDoc('stale')] });
    host({ type: 'replace-all', docs: [widgetDoc('fresh')] });
    expect(timers.size).toBe(0);
    fireTimers();
    host({ type: 'search', requestId: 1, query: { text: 'widgets', limit: 10 } });
    expect(responses[0]).toMatchObject({ type: 'ready', size: 1 });
    expect(hitIds(responses[1])).toEqual(['fresh']);
  });
});
