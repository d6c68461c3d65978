import { Dexie } from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { NoteTooLongError } from '../../../src/renderer/src/db';
import type { DraftMirror } from '../../../src/renderer/src/features/notes/draft-mirror';
import { NoteDrafts } from '../../../src/renderer/src/features/notes/note-drafts';

/** A mirror kept in memory, surviving the `NoteDrafts` that wrote it (like localStorage). */
function memoryMirror(): DraftMirror & { stored: Map<string, string> } {
  return {
    stored: new Map(),
    write(drafts) {
      this.stored = new Map(drafts);
    },
    read() {
      return new Map(this.stored);
    },
  };
}

/** A writer whose saves succeed or fail when the test says so. */
function controlledWriter() {
  const calls: { paperId: string; text: string; settle: (error?: unknown) => void }[] = [];
  const write = vi.fn(
    (paperId: string, text: string) =>
      new Promise<void>((resolve, reject) => {
        calls.push({
          paperId,
          text,
          settle: (error) => (error === undefined ? resolve() : reject(error)),
        });
      }),
  );
  return { write, calls };
}

const diskFull = (): Error => new Dexie.AbortError(new DOMException('', 'QuotaExceededError'));

describe('note drafts', () => {
  it('keeps typed text until it is saved, and forgets text equal to the saved note', async () => {
    const drafts = new NoteDrafts(async () => undefined);
    const changed = vi.fn();
    drafts.subscribe(changed);
    drafts.edit('p1', 'first thoughts', '');
    expect(drafts.get('p1')).toEqual({ text: 'first thoughts', state: { kind: 'editing' } });
    drafts.edit('p1', '', '');
    expect(drafts.get('p1')).toBeUndefined();
    drafts.edit('p1', 'again', '');
    expect(await drafts.save('p1')).toBe(true);
    expect(drafts.get('p1')).toBeUndefined();
    expect(changed).toHaveBeenCalled();
  });

  it('keeps a draft whose save failed, with the reason in words, and saves it on retry', async () => {
    const { write, calls } = controlledWriter();
    const drafts = new NoteDrafts(write);
    drafts.edit('p1', 'important', '');
    const saving = drafts.save('p1');
    expect(drafts.get('p1')?.state).toEqual({ kind: 'saving' });
    calls[0]?.settle(diskFull());
    expect(await saving).toBe(false);
    const failed = drafts.get('p1');
    expect(failed?.text).toBe('important');
    expect(failed?.state.kind === 'failed' && failed.state.reason).toMatch(/^Your disk is full/);

    const retry = drafts.save('p1');
    calls[1]?.settle();
    expect(await retry).toBe(true);
    expect(drafts.get('p1')).toBeUndefined();
    expect(write).toHaveBeenCalledTimes(2);
  });

  it('never lets a save of older text clear or fail newer text typed meanwhile', async () => {
    const { write, calls } = controlledWriter();
    const drafts = new NoteDrafts(write);
    drafts.edit('p1', 'a', '');
    const first = drafts.save('p1');
    drafts.edit('p1', 'ab', '');
    calls[0]?.settle();
    await first;
    expect(drafts.get('p1')).toEqual({ text: 'ab', state: { kind: 'editing' } });

    const second = drafts.save('p1');
    drafts.edit('p1', 'abc', '');
    calls[1]?.settle(diskFull());
    await second;
    expect(drafts.get('p1')).toEqual({ text: 'abc', state: { kind: 'editing' } });
  });

  it('flushes every pending draft, retrying failed ones, and says whether all were saved', async () => {
    const failing = new Set(['p2']);
    const write = vi.fn(async (paperId: string, _text: string) => {
      if (failing.has(paperId)) throw diskFull();
    });
    const drafts = new NoteDrafts(write);
    drafts.edit('p1', 'one', '');
    drafts.edit('p2', 'two', '');
    expect(await drafts.flush()).toBe(false);
    expect(drafts.get('p1')).toBeUndefined();
    expect(drafts.get('p2')?.state.kind).toBe('failed');
    failing.clear();
    expect(await drafts.flush()).toBe(true);
    expect(drafts.get('p2')).toBeUndefined();
    expect(write.mock.calls.map(([id, text]) => `${id}:${text}`)).toEqual([
      'p1:one',
      'p2:two',
      'p2:two',
    ]);
    expect(await drafts.flush()).toBe(true);
  });

  it('shows the library’s own refusal (a note too long) as it is', async () => {
    const drafts = new NoteDrafts(async (_id, text) => {
      throw new NoteTooLongError(text.length);
    });
    drafts.edit('p1', 'x'.repeat(10), '');
    await drafts.save('p1');
    const state = drafts.get('p1')?.state;
    expect(state?.kind === 'failed' && state.reason).toMatch(/^This note has 10 characters/);
  });

  it('recovers drafts a crashed or reloaded window left unsaved, and saves them', async () => {
    const mirror = memoryMirror();
    const before = new NoteDrafts(async () => undefined, mirror);
    before.edit('p1', 'typed just before the crash', '');
    before.edit('p2', 'also unsaved', '');
    expect(mirror.stored.get('p1')).toBe('typed just before the crash');

    const saved = new Map<string, string>();
    const after = new NoteDrafts(async (paperId, text) => {
      saved.set(paperId, text);
    }, mirror);
    after.edit('p2', 'typed again since', '');
    await after.recover();
    expect(saved.get('p1')).toBe('typed just before the crash');
    expect(saved.get('p2')).toBeUndefined();
    expect(after.get('p1')).toBeUndefined();
    expect([...mirror.stored]).toEqual([['p2', 'typed again since']]);
  });

  it('keeps a recovered draft whose save fails, still mirrored', async () => {
    const mirror = memoryMirror();
    mirror.write(new Map([['p1', 'precious']]));
    const drafts = new NoteDrafts(() => Promise.reject(diskFull()), mirror);
    await drafts.recover();
    expect(drafts.get('p1')?.state.kind).toBe('failed');
    expect(mirror.stored.get('p1')).toBe('precious');
  });
});
