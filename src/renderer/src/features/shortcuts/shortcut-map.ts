/** Everything the keyboard can do in the library; the `?` dialog lists this table. */
export type ShortcutAction =
  | 'next'
  | 'previous'
  | 'focus-search'
  | 'clear'
  | 'help'
  | 'queue'
  | 'dismiss'
  | 'start-reading'
  | 'mark-read'
  | 'edit-tags'
  | 'edit-note'
  | 'highlight'
  | 'open-link'
  | 'move-up'
  | 'move-down'
  | 'move-top'
  | 'move-bottom'
  | 'select-all'
  | 'undo'
  | 'open-detail'
  | 'settings';

/** A key binding: `key` is KeyboardEvent.key; `mod` means Ctrl (Cmd on macOS). */
export interface Shortcut {
  readonly action: ShortcutAction;
  readonly key: string;
  readonly mod?: boolean;
  readonly shift?: boolean;
  readonly alt?: boolean;
  readonly label: string;
  readonly description: string;
}

/** The bindings, in the order the help dialog shows them. */
export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'next', key: 'j', label: 'J / ↓', description: 'Next paper' },
  { action: 'previous', key: 'k', label: 'K / ↑', description: 'Previous paper' },
  {
    action: 'open-detail',
    key: 'Enter',
    label: 'Enter',
    description: 'Open the paper (narrow window)',
  },
  { action: 'focus-search', key: '/', label: '/', description: 'Search' },
  { action: 'clear', key: 'Escape', label: 'Esc', description: 'Clear search, selection or close' },
  { action: 'queue', key: 'q', label: 'Q', description: 'Add to the queue' },
  { action: 'dismiss', key: 'd', label: 'D', description: 'Dismiss' },
  { action: 'start-reading', key: 's', label: 'S', description: 'Start reading' },
  { action: 'mark-read', key: 'r', label: 'R', description: 'Mark read' },
  { action: 'edit-tags', key: 't', label: 'T', description: 'Edit tags' },
  { action: 'edit-note', key: 'n', label: 'N', description: 'Edit the note' },
  {
    action: 'highlight',
    key: 'h',
    label: 'H',
    description: 'Highlight the passage selected in the abstract',
  },
  { action: 'open-link', key: 'o', label: 'O', description: 'Search the paper on arXiv' },
  {
    action: 'move-up',
    key: 'ArrowUp',
    alt: true,
    label: 'Alt+↑',
    description: 'Move up in the queue',
  },
  {
    action: 'move-down',
    key: 'ArrowDown',
    alt: true,
    label: 'Alt+↓',
    description: 'Move down in the queue',
  },
  {
    action: 'move-top',
    key: 'ArrowUp',
    alt: true,
    shift: true,
    label: 'Alt+Shift+↑',
    description: 'Move to the top of the queue',
  },
  {
    action: 'move-bottom',
    key: 'ArrowDown',
    alt: true,
    shift: true,
    label: 'Alt+Shift+↓',
    description: 'Move to the bottom of the queue',
  },
  {
    action: 'select-all',
    key: 'a',
    mod: true,
    label: 'Ctrl/Cmd+A',
    description: 'Select all papers in the view',
  },
  { action: 'undo', key: 'z', mod: true, label: 'Ctrl/Cmd+Z', description: 'Undo the last change' },
  { action: 'settings', key: ',', mod: true, label: 'Ctrl/Cmd+,', description: 'Settings' },
  { action: 'help', key: '?', label: '?', description: 'Show these shortcuts' },
];

const ALIASES: Readonly<Record<string, ShortcutAction>> = {
  ArrowDown: 'next',
  ArrowUp: 'previous',
};

/** Maps a key event to an action, or null. Plain keys are ignored while typing in a field. */
export function actionForKey(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
  typing: boolean,
): ShortcutAction | null {
  const mod = event.ctrlKey || event.metaKey;
  if (typing) return event.key === 'Escape' ? 'clear' : null;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  const match = SHORTCUTS.find(
    (shortcut) =>
      (shortcut.key === key || shortcut.key === event.key) &&
      Boolean(shortcut.mod) === mod &&
      Boolean(shortcut.alt) === event.altKey &&
      (shortcut.key === '?' || Boolean(shortcut.shift) === event.shiftKey),
  );
  if (match) return match.action;
  if (!mod && !event.altKey && !event.shiftKey) return ALIASES[event.key] ?? null;
  return null;
}
