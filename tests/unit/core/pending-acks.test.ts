import { describe, expect, it } from 'vitest';
import { PendingAcks } from '../../../src/main/core/import/pending-acks';

describe('PendingAcks', () => {
  it('resolves a batch with its own acknowledgement and ignores stale ones', async () => {
    const acks = new PendingAcks<number>(1000, 'timed out');
    const first = acks.await('stream-1', 0);
    const second = acks.await('stream-1', 1);
    acks.acknowledge('stream-0', 0, 7);
    acks.acknowledge('stream-1', 1, 2);
    await expect(second).resolves.toBe(2);
    acks.acknowledge('stream-1', 0, 1);
    await expect(first).resolves.toBe(1);
  });

  it('rejects a batch that waited too long', async () => {
    const acks = new PendingAcks<number>(20, 'timed out');
    await expect(acks.await('stream-1', 0)).rejects.toThrow('timed out');
  });

  it('rejects the batches of one stream, or of all, without unhandled rejections', async () => {
    const acks = new PendingAcks<number>(1000, 'timed out');
    const kept = acks.await('stream-2', 0);
    const earlier = acks.await('stream-1', 0);
    const later = acks.await('stream-1', 1);
    // Only `earlier` is awaited when `later` is rejected: that must not be an unhandled rejection.
    acks.reject('stream-1', new Error('disk full'));
    await expect(earlier).rejects.toThrow('disk full');
    await new Promise((resolve) => setTimeout(resolve, 10));
    await expect(later).rejects.toThrow('disk full');
    acks.acknowledge('stream-1', 1, 3);
    acks.reject(null, new Error('renderer went away'));
    await expect(kept).rejects.toThrow('renderer went away');
  });
});
