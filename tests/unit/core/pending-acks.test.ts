import { describe, expect, it } from 'vitest';
import { PendingAcks } from '../../../src/main/core/import/pending-acks';

describe('PendingAcks', () => {
  it('resolves a batch on its own acknowledgement and ignores stale ones', async () => {
    const acks = new PendingAcks(1000, 'timed out');
    const first = acks.await('import-1', 0);
    const second = acks.await('import-1', 1);
    acks.acknowledge('import-0', 0);
    acks.acknowledge('import-1', 1);
    await expect(second).resolves.toBeUndefined();
    acks.acknowledge('import-1', 0);
    await expect(first).resolves.toBeUndefined();
  });

  it('rejects a batch that waited too long', async () => {
    const acks = new PendingAcks(20, 'timed out');
    await expect(acks.await('import-1', 0)).rejects.toThrow('timed out');
  });

  it('rejects the batches of one import, or of all, without unhandled rejections', async () => {
    const acks = new PendingAcks(1000, 'timed out');
    const kept = acks.await('import-2', 0);
    const earlier = acks.await('import-1', 0);
    const later = acks.await('import-1', 1);
    // Only `earlier` is awaited when `later` is rejected: that must not be an unhandled rejection.
    acks.reject('import-1', new Error('disk full'));
    await expect(earlier).rejects.toThrow('disk full');
    await new Promise((resolve) => setTimeout(resolve, 10));
    await expect(later).rejects.toThrow('disk full');
    acks.acknowledge('import-1', 1);
    acks.reject(null, new Error('renderer went away'));
    await expect(kept).rejects.toThrow('renderer went away');
  });
});
