/**
 * Keys typed right after T or N, while the paper's tag box or note is not on screen yet (the
 * paper is still loading): they are held here instead of running as shortcuts (a "d" in a tag
 * would dismiss the paper) and typed into the editor once it has taken the focus, in order.
 */
import { isTypingTarget } from './typing-target';

/** How long keys are held for an editor that has not appeared. */
const HOLD_MS = 1500;

let target: string | null = null;
let since = 0;
let held: string[] = [];

/** Starts holding keys for the editor marked `data-shortcut-target={name}`. */
export function holdKeysFor(name: string): void {
  target = name;
  since = performance.now();
  held = [];
}

function isAwaited(element: EventTarget | null): boolean {
  return element instanceof HTMLElement && element.dataset['shortcutTarget'] === target;
}

/**
 * Holds a key typed while waiting for the editor (true), or returns false when not waiting, the
 * key is not text (a printable character or Enter), or it goes to another field.
 */
export function holdKey(event: KeyboardEvent): boolean {
  if (target === null) return false;
  if (performance.now() - since > HOLD_MS) {
    target = null;
    return false;
  }
  if (isTypingTarget(event.target) && !isAwaited(event.target)) return false;
  if (event.ctrlKey || event.metaKey || event.altKey) return false;
  if (event.key.length !== 1 && event.key !== 'Enter') return false;
  held.push(event.key);
  return true;
}

/**
 * Called when an element takes the focus: if it is the awaited editor, the held keys (and any
 * typed until then) are typed into it once the focus change has settled: text as input, Enter as
 * a key press, as the editor would have seen them.
 */
export function releaseKeysInto(element: HTMLElement): void {
  if (target === null || !isAwaited(element)) return;
  setTimeout(() => {
    const keys = held;
    target = null;
    held = [];
    if (document.activeElement === element) typeInto(element, keys);
  }, 0);
}

function typeInto(element: HTMLElement, keys: readonly string[]): void {
  let text = '';
  const flush = (): void => {
    // insertText types like the user would: the field's input events and React state follow.
    if (text !== '') document.execCommand('insertText', false, text);
    text = '';
  };
  for (const key of keys) {
    if (key !== 'Enter') {
      text += key;
      continue;
    }
    flush();
    element.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  }
  flush();
}
