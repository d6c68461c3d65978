import { describe, expect, it, vi } from 'vitest';
import {
  FormatChecker,
  type FormatWorker,
} from '../../../src/renderer/src/features/notes/format-checker';
import {
  CALIBRATION_REFERENCE_MS,
  DIRECT_MAX_CHARS,
  FORMAT_BUDGET_MS,
  MAX_LOAD_FACTOR,
  MAX_FORMATTED_CHARS,
  MAX_FORMATTED_DEPTH,
  maxBlockDepth,
  measureFormatting,
  quickVerdict,
  treeDepth,
  verdictFor,
  type FormatMeasure,
} from '../../../src/renderer/src/features/notes/preview-budget';

const NOTE =
  '# Reading notes\n\n- **Idea**: sparse _attention_\n  - see [paper](https://arxiv.org)\n';

describe('quickVerdict', () => {
  it('formats short, shallow notes at once and refuses very long ones at once', () => {
    expect(quickVerdict(NOTE)).toEqual({ kind: 'markdown' });
    expect(quickVerdict('a'.repeat(MAX_FORMATTED_CHARS + 1))).toEqual({
      kind: 'plain',
      reason: 'too-long',
    });
  });

  it('asks the worker about long notes and about short ones that nest deeply', () => {
    expect(quickVerdict('a'.repeat(DIRECT_MAX_CHARS + 1))).toBe('check');
    expect(quickVerdict('>'.repeat(20))).toBe('check');
    expect(quickVerdict('1. 1. 1. 1. 1. 1. 1. 1. 1. deep')).toBe('check');
  });
});

describe('maxBlockDepth', () => {
  it('counts the quote and list markers a line opens with', () => {
    expect(maxBlockDepth('plain text > not a quote')).toBe(0);
    expect(maxBlockDepth('> quoted\n>> twice\n> > > thrice')).toBe(3);
    expect(maxBlockDepth('1. 2) - * + item')).toBe(5);
    expect(maxBlockDepth('-not a list\n**bold**')).toBe(0);
    expect(maxBlockDepth('>'.repeat(20_000))).toBe(20_000);
  });
});

describe('measureFormatting', () => {
  it('formats an ordinary note quickly and shallowly', () => {
    const measure = measureFormatting(NOTE);
    expect(measure).toMatchObject({ ok: true });
    if (measure.ok) expect(measure.depth).toBeLessThan(10);
    expect(verdictFor(measure)).toEqual({ kind: 'markdown' });
  });

  it('finds deeply nested quotes too deep (the note that blanked the window)', () => {
    expect(verdictFor(measureFormatting('>'.repeat(3_000)))).toEqual({
      kind: 'plain',
      reason: 'too-deep',
    });
  });

  it('measures time with the clock it is given', () => {
    let now = 0;
    const clock = (): number => (now += FORMAT_BUDGET_MS);
    const measure = measureFormatting('**a'.repeat(100), clock);
    expect(measure).toEqual({ ok: true, ms: FORMAT_BUDGET_MS, depth: expect.any(Number) });
  });

  it('turns measures into verdicts at the budget and depth limits', () => {
    const measure = (ms: number, depth: number): FormatMeasure => ({ ok: true, ms, depth });
    expect(verdictFor(measure(FORMAT_BUDGET_MS, MAX_FORMATTED_DEPTH)).kind).toBe('markdown');
    expect(verdictFor(measure(FORMAT_BUDGET_MS + 1, 3))).toEqual({
      kind: 'plain',
      reason: 'too-slow',
    });
    expect(verdictFor(measure(1, MAX_FORMATTED_DEPTH + 1))).toEqual({
      kind: 'plain',
      reason: 'too-deep',
    });
    expect(verdictFor({ ok: false, reason: 'failed' })).toEqual({
      kind: 'plain',
      reason: 'failed',
    });
  });

  it('allows more time on a busy machine, up to a limit', () => {
    const slow: FormatMeasure = { ok: true, ms: FORMAT_BUDGET_MS * 2, depth: 3 };
    expect(verdictFor(slow, CALIBRATION_REFERENCE_MS).kind).toBe('plain');
    expect(verdictFor(slow, CALIBRATION_REFERENCE_MS * 2).kind).toBe('markdown');
    const pathological: FormatMeasure = {
      ok: true,
      ms: FORMAT_BUDGET_MS * MAX_LOAD_FACTOR + 1,
      depth: 3,
    };
    expect(verdictFor(pathological, CALIBRATION_REFERENCE_MS * 100).kind).toBe('plain');
    expect(verdictFor({ ok: true, ms: FORMAT_BUDGET_MS, depth: 3 }, 0).kind).toBe('markdown');
  });

  it('walks a tree of any depth without recursion', () => {
    let node: { type: string; children?: unknown[] } = { type: 'leaf' };
    for (let i = 0; i < 100_000; i++) node = { type: 'wrap', children: [node] };
    expect(treeDepth(node as Parameters<typeof treeDepth>[0])).toBe(100_000);
  });
});

/**
 * A fake worker: ready `startupMs` after the checker starts listening, then answers with `answer`
 * (or never, when it returns undefined).
 */
function fakeWorker(
  answer: (markdown: string) => FormatMeasure | 'crash' | undefined,
  startupMs = 1,
) {
  let listener: FormatWorker['onmessage'] = null;
  let announced = false;
  const worker: FormatWorker & { posted: string[]; terminated: boolean } = {
    get onmessage() {
      return listener;
    },
    set onmessage(next) {
      listener = next;
      if (announced || !next) return;
      announced = true;
      setTimeout(
        () => listener?.(new MessageEvent('message', { data: { kind: 'ready' } })),
        startupMs,
      );
    },
    onerror: null,
    posted: [],
    terminated: false,
    postMessage(markdown) {
      this.posted.push(markdown);
      const reply = answer(markdown);
      setTimeout(() => {
        if (reply === 'crash')
          this.onerror?.(new Event('error', { cancelable: true }) as ErrorEvent);
        else if (reply) {
          const data = { kind: 'measured', measure: reply, calibrationMs: 1 } as const;
          this.onmessage?.(new MessageEvent('message', { data }));
        }
      }, 1);
    },
    terminate() {
      this.terminated = true;
    },
  };
  return worker;
}

describe('FormatChecker', () => {
  const longNote = `${NOTE}\n${'Plain prose about the paper. '.repeat(100)}`;

  it('asks the worker about long notes and remembers the verdict', async () => {
    const worker = fakeWorker(measureFormatting);
    const create = vi.fn(() => worker);
    const checker = new FormatChecker(create);
    expect(checker.known(longNote)).toBeNull();
    expect(await checker.check(longNote)).toEqual({ kind: 'markdown' });
    expect(checker.known(longNote)).toEqual({ kind: 'markdown' });
    expect(await checker.check(longNote)).toEqual({ kind: 'markdown' });
    expect(worker.posted).toHaveLength(1);
    expect(await checker.check(NOTE)).toEqual({ kind: 'markdown' });
    expect(worker.posted).toHaveLength(1);
  });

  it('gives up on a worker that takes too long, ends it, and starts a new one', async () => {
    const stuck = fakeWorker(() => undefined);
    const fresh = fakeWorker(() => ({ ok: true, ms: 1, depth: 3 }));
    const create = vi.fn<() => FormatWorker>().mockReturnValueOnce(stuck).mockReturnValue(fresh);
    const checker = new FormatChecker(create, 30);
    const slow = '**a'.repeat(1_000);
    expect(await checker.check(slow)).toEqual({ kind: 'plain', reason: 'too-slow' });
    expect(stuck.terminated).toBe(true);
    expect(await checker.check(longNote)).toEqual({ kind: 'markdown' });
    expect(create).toHaveBeenCalledTimes(2);
  });

  it('does not count a slow worker start against the note', async () => {
    const slowStart = fakeWorker(() => ({ ok: true, ms: 1, depth: 3 }), 60);
    const checker = new FormatChecker(() => slowStart, 30);
    expect(await checker.check(longNote)).toEqual({ kind: 'markdown' });
    expect(slowStart.terminated).toBe(false);
  });

  it('gives up on a worker that never starts, and tries a new one for the next note', async () => {
    const neverReady = fakeWorker(() => ({ ok: true, ms: 1, depth: 3 }), 10_000);
    const fresh = fakeWorker(() => ({ ok: true, ms: 1, depth: 3 }));
    const create = vi
      .fn<() => FormatWorker>()
      .mockReturnValueOnce(neverReady)
      .mockReturnValue(fresh);
    const checker = new FormatChecker(create, 30, 20);
    expect(await checker.check(longNote)).toEqual({ kind: 'plain', reason: 'failed' });
    expect(neverReady.terminated).toBe(true);
    expect(checker.known(longNote)).toBeNull();
    expect(await checker.check(longNote)).toEqual({ kind: 'markdown' });
  });

  it('shows a note as plain text when the worker crashes, and replaces the worker', async () => {
    const crashing = fakeWorker(() => 'crash');
    const create = vi.fn(() => crashing);
    const checker = new FormatChecker(create);
    expect(await checker.check(longNote)).toEqual({ kind: 'plain', reason: 'failed' });
    expect(crashing.terminated).toBe(true);
  });
});
