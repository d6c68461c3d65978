import { useEffect, useLayoutEffect, useRef } from 'react';
import { actionForKey, type ShortcutAction } from '../shortcuts/shortcut-map';
import { holdKey, releaseKeysInto } from './typing-buffer';
import { isTypingTarget } from './typing-target';

/**
 * Window-wide keyboard shortcuts. Plain-letter shortcuts are ignored while typing in a field (Esc
 * still works there); a modal dialog, when open, gets the keys instead. The latest handler is
 * always used without re-registering the listener: it is swapped in as the render commits, so a
 * key arriving right after a render already sees that render's list.
 */
export function useLibraryKeyboard(
  handler: (action: ShortcutAction, event: KeyboardEvent) => boolean,
): void {
  const latest = useRef(handler);
  useLayoutEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || document.querySelector('dialog[open]')) return;
      if (holdKey(event)) {
        event.preventDefault();
        return;
      }
      const action = actionForKey(event, isTypingTarget(event.target));
      if (action && latest.current(action, event)) event.preventDefault();
    };
    const onFocusIn = (event: FocusEvent): void => {
      if (event.target instanceof HTMLElement) releaseKeysInto(event.target);
    };
    window.addEventListener('keydown', onKeyDown);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('focusin', onFocusIn);
    };
  }, []);
}
