import { useEffect, useRef } from 'react';
import { actionForKey, type ShortcutAction } from '../shortcuts/shortcut-map';

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable ||
      target instanceof HTMLInputElement ||
      target instanceof HTMLTextAreaElement ||
      target instanceof HTMLSelectElement)
  );
}

/**
 * Window-wide keyboard shortcuts. Plain-letter shortcuts are ignored while typing in a field (Esc
 * still works there); a modal dialog, when open, gets the keys instead. The latest handler is
 * always used without re-registering the listener.
 */
export function useLibraryKeyboard(
  handler: (action: ShortcutAction, event: KeyboardEvent) => boolean,
): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || document.querySelector('dialog[open]')) return;
      const action = actionForKey(event, isTyping(event.target));
      if (action && latest.current(action, event)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
