import { describe, expect, it } from 'vitest';
import { FlushRequests } from '../../../src/main/core/flush-requests';
import { invokeValidated } from '../../../src/main/core/ipc-dispatch';
import type { FlushRequest } from '../../../src/shared/ipc-validators';
import { startBackend } from './backend-harness';

describe('flush requests', () => {
  it('asks the renderer to flush and settles with its answer', async () => {
    const sent: FlushRequest[] = [];
    const flushes = new FlushRequests((channel, payload) => {
      if (channel === 'renderer:flush-request') sent.push(payload as FlushRequest);
    });
    const saved = flushes.request(1000);
    const failed = flushes.request(1000);
    expect(sent.map((request) => request.requestId)).toEqual([1, 2]);
    flushes.answer({ requestId: 2, saved: false });
    flushes.answer({ requestId: 1, saved: true });
    expect(await saved).toBe('saved');
    expect(await failed).toBe('failed');
  });

  it('stops waiting after the limit, and ignores a late answer', async () => {
    const flushes = new FlushRequests(() => undefined);
    const started = Date.now();
    expect(await flushes.request(40)).toBe('timed-out');
    expect(Date.now() - started).toBeGreaterThanOrEqual(35);
    flushes.answer({ requestId: 1, saved: true });
  });

  it('goes through the backend: event out, validated answer back', async () => {
    const harness = await startBackend();
    try {
      const result = harness.backend.flushRenderer(2000);
      const request = harness.events.find((event) => event.channel === 'renderer:flush-request');
      expect(request).toBeDefined();
      const { requestId } = request?.payload as FlushRequest;
      await expect(
        invokeValidated(harness.backend.handlers, 'renderer:flushed', { requestId, saved: 'yes' }),
      ).rejects.toThrow(/invalid payload/);
      await invokeValidated(harness.backend.handlers, 'renderer:flushed', {
        requestId,
        saved: true,
      });
      expect(await result).toBe('saved');
    } finally {
      await harness.dispose();
    }
  });
});
