/**
 * What the note preview may cost. Markdown parsing has inputs that are far from linear: 20,000 `>`
 * nest 20,000 block quotes (the renderer's recursion overflows the stack and the window blanks),
 * and `**a` × 66k took 51 s to format. So a note is formatted only when it is known to be cheap:
 * short notes without deep nesting directly, longer ones after a worker has formatted them within
 * a time and depth budget; everything else is shown as plain text, which costs nothing.
 */
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { remarkHtmlAsText } from './html-as-text';

/**
 * Longest note the preview formats at all; longer ones are shown as plain text at once. Even
 * ordinary markdown costs about 9 µs a character to format in Chromium, so longer notes would
 * exceed the budget below anyway.
 */
export const MAX_FORMATTED_CHARS = 50_000;
/** Notes up to this length with shallow block nesting are formatted without a check. */
export const DIRECT_MAX_CHARS = 2_000;
/** Deepest block nesting (quotes and lists on one line) formatted without a check. */
const DIRECT_MAX_BLOCK_DEPTH = 8;
/** Deepest element nesting the preview renders (real notes stay well below 20). */
export const MAX_FORMATTED_DEPTH = 48;
/**
 * Longest the worker may take to format a note on an idle machine, which the window then formats
 * again: a hitch the user may notice, never a freeze. Ordinary notes of up to about 25,000
 * characters fit.
 */
export const FORMAT_BUDGET_MS = 250;
/** What formatting `WARM_UP_NOTE` takes in a warmed-up worker on an idle machine. */
export const CALIBRATION_REFERENCE_MS = 12;
/**
 * Most the budget grows on a busy machine. The worker formats `WARM_UP_NOTE` before each note, and
 * when that takes k times its idle time the budget is k times larger (at most this): a busy
 * machine slows the window's own formatting just as much, and an ordinary note must not turn into
 * plain text because other programs were running. Pathological notes cost seconds and stay out.
 */
export const MAX_LOAD_FACTOR = 4;

/** How a note is previewed: formatted markdown, or plain text for a reason the user is told. */
export type PreviewVerdict =
  { readonly kind: 'markdown' } | { readonly kind: 'plain'; readonly reason: PlainReason };

/** Why a note is shown as plain text. */
export type PlainReason = 'too-long' | 'too-deep' | 'too-slow' | 'failed';

/**
 * A small note with the usual constructs, formatted once when the worker starts: the first
 * formatting in a fresh worker runs unoptimised code and takes about 2.5 times as long, which
 * would otherwise count against the first real note.
 */
export const WARM_UP_NOTE =
  '## Notes\n\nSome *emphasis*, **strong**, `code` and [a link](https://example.org).\n\n- item\n  - nested\n\n> quoted\n\n'.repeat(
    16,
  );

/** What formatting a note cost in the worker (or why it failed). */
export type FormatMeasure =
  | { readonly ok: true; readonly ms: number; readonly depth: number }
  | { readonly ok: false; readonly reason: 'too-deep' | 'failed' };

/** The verdict when the note alone decides it; `check` means: ask the worker. */
export function quickVerdict(markdown: string): PreviewVerdict | 'check' {
  if (markdown.length > MAX_FORMATTED_CHARS) return { kind: 'plain', reason: 'too-long' };
  if (markdown.length > DIRECT_MAX_CHARS) return 'check';
  return maxBlockDepth(markdown) > DIRECT_MAX_BLOCK_DEPTH ? 'check' : { kind: 'markdown' };
}

/**
 * The most quote (`>`) and list markers (`-`, `+`, `*`, `1.`, `1)`) any line opens with, a cheap
 * upper bound of the block nesting a line starts. Linear in the note's length.
 */
export function maxBlockDepth(markdown: string): number {
  let deepest = 0;
  for (const line of markdown.split('\n')) {
    let depth = 0;
    let rest = line;
    for (;;) {
      const marker = /^[ \t]*(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?/.exec(rest);
      if (!marker || marker[0].length === 0) break;
      depth += 1;
      rest = rest.slice(marker[0].length);
    }
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

interface TreeNode {
  readonly type: string;
  readonly children?: readonly TreeNode[];
}

/** Deepest nesting of a syntax tree, walked without recursion (the tree may be very deep). */
export function treeDepth(root: TreeNode): number {
  let deepest = 0;
  const stack: [TreeNode, number][] = [[root, 0]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [node, depth] = item;
    deepest = Math.max(deepest, depth);
    for (const child of node.children ?? []) stack.push([child, depth + 1]);
  }
  return deepest;
}

const processor = unified().use(remarkParse).use(remarkHtmlAsText).use(remarkRehype);

/**
 * Formats a note the way the preview does (react-markdown's pipeline: remark-parse, raw HTML as
 * text, remark-rehype) and measures the time and the depth of the result. Meant for the worker:
 * on the pathological inputs above it takes very long, or overflows the stack (`too-deep`).
 */
export function measureFormatting(
  markdown: string,
  now: () => number = performance.now.bind(performance),
): FormatMeasure {
  const started = now();
  try {
    const tree = processor.runSync(processor.parse(markdown));
    return { ok: true, ms: now() - started, depth: treeDepth(tree) };
  } catch (error) {
    // A stack overflow ("Maximum call stack size exceeded") is how deep nesting fails.
    return { ok: false, reason: error instanceof RangeError ? 'too-deep' : 'failed' };
  }
}

/** What the format-check worker says: it is ready (warmed up), or what a note cost. */
export type FormatWorkerMessage =
  | { readonly kind: 'ready' }
  | { readonly kind: 'measured'; readonly measure: FormatMeasure; readonly calibrationMs: number };

/**
 * The verdict for a note the worker measured, `calibrationMs` being what `WARM_UP_NOTE` took just
 * before it (the budget scales with the machine's current speed, see `MAX_LOAD_FACTOR`).
 */
export function verdictFor(
  measure: FormatMeasure,
  calibrationMs: number = CALIBRATION_REFERENCE_MS,
): PreviewVerdict {
  if (!measure.ok) return { kind: 'plain', reason: measure.reason };
  if (measure.depth > MAX_FORMATTED_DEPTH) return { kind: 'plain', reason: 'too-deep' };
  const loadFactor = Math.min(
    MAX_LOAD_FACTOR,
    Math.max(1, calibrationMs / CALIBRATION_REFERENCE_MS),
  );
  if (measure.ms > FORMAT_BUDGET_MS * loadFactor) return { kind: 'plain', reason: 'too-slow' };
  return { kind: 'markdown' };
}
