import { describe, expect, it, vi } from 'vitest';
import {
  pushUndo,
  undoLast,
  undoWaitsFor,
} from '../../../src/renderer/src/features/undo/undo-stack';

vi.mock('react', () => ({
  useSyncExternalStore: (_subscribe: unknown, get: () => unknown) => get(),
}));

describe('undo stack', () => {
  it('undo pressed while a write is still running undoes that write, not the one before', async () => {
    const undone: string[] = [];
    pushUndo({ label: 'earlier', undo: () => Promise.resolve(void undone.push('earlier')) });
    let finishWrite: () => void = () => undefined;
    const write = new Promise<void>((resolve) => {
      finishWrite = () => {
        pushUndo({ label: 'latest', undo: () => Promise.resolve(void undone.push('latest')) });
        resolve();
      };
    });
    undoWaitsFor(write);
    const undoing = undoLast();
    finishWrite();
    expect(await undoing).toBe('latest');
    expect(undone).toEqual(['latest']);
    expect(await undoLast()).toBe('earlier');
  });

  it('a failed write does not block undo', async () => {
    pushUndo({ label: 'kept', undo: () => Promise.resolve() });
    undoWaitsFor(Promise.reject(new Error('disk full')));
    expect(await undoLast()).toBe('kept');
  });
});
