import { useCallback } from 'react';
import type { PaperDetail, PaperRow } from '../../db';
import type { ShortcutAction } from '../shortcuts/shortcut-map';
import { undoLast } from '../undo/undo-stack';
import { holdKeysFor } from './typing-buffer';
import { isTypingTarget } from './typing-target';
import { changeStatus, moveQueued } from './library-actions';
import { externalSearchUrls } from './PaperDetail';
import { moveFocus, nextAfterAction, selectOnly } from './selection';
import { useLibraryKeyboard } from './use-library-keyboard';
import type { WorkspaceSelection } from './use-workspace-selection';

/** What the workspace's keyboard shortcuts act on. */
export interface ShortcutContext {
  readonly rows: readonly PaperRow[];
  readonly ids: readonly string[];
  readonly selection: WorkspaceSelection;
  readonly detail: PaperDetail | null | undefined;
  readonly queueMode: boolean;
  /** Reordering is off while searching: the list is in relevance order, not queue order. */
  readonly searching: boolean;
  readonly openLink: (url: string) => void;
  /** Asks the detail pane to focus its tag editor or note (it may still be loading). */
  readonly requestEdit: (target: 'tags' | 'note') => void;
  /** The shell's own shortcuts (search, help, Esc outside the list); true when handled. */
  readonly onShellAction: (action: ShortcutAction) => boolean;
  /** The detail drawer of narrow windows: open it (Enter), close it (Esc); false if none is open. */
  readonly drawer: { readonly open: () => void; readonly close: () => boolean };
}

/** Focuses the on-screen element marked `data-shortcut-target`, if any; true when it did. */
function focusShortcutTarget(target: 'tags' | 'note'): boolean {
  const element = document.querySelector<HTMLElement>(`[data-shortcut-target="${target}"]`);
  element?.focus();
  return element !== null;
}

/** Whether keys go to the list (or to nothing in particular), not to a control. */
function listHasKeys(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || active.closest('.paper-list') !== null;
}

type TriageStatus = 'queued' | 'dismissed' | 'reading' | 'read';

const TRIAGE: Partial<Record<ShortcutAction, TriageStatus>> = {
  queue: 'queued',
  dismiss: 'dismissed',
  'start-reading': 'reading',
  'mark-read': 'read',
};

const MOVES: Partial<Record<ShortcutAction, number | 'top' | 'bottom'>> = {
  'move-up': -1,
  'move-down': 1,
  'move-top': 'top',
  'move-bottom': 'bottom',
};

/**
 * The library's keyboard: J/K move, Q/D/S/R triage and move on to the next paper, T/N edit,
 * H highlights the passage selected in the abstract, Alt+arrows reorder the queue, Ctrl+A
 * selects all, Ctrl+Z undoes; anything else goes to the shell.
 */
export function useWorkspaceShortcuts(context: ShortcutContext): void {
  const { rows, ids, selection, queueMode, searching } = context;

  const triage = useCallback(
    (status: TriageStatus) => {
      const acted = new Set(selection.targets(ids));
      if (acted.size === 0) return;
      const { focused } = selection.current();
      selection.setSelection(selectOnly(nextAfterAction(ids, focused, acted)));
      const [only] = acted;
      const single = acted.size === 1 && only !== undefined ? rows[ids.indexOf(only)] : undefined;
      void changeStatus(single ? [single] : rows.filter((row) => acted.has(row.id)), status);
    },
    [rows, ids, selection],
  );

  const reorder = (delta: number | 'top' | 'bottom'): void => {
    const { focused } = selection.current();
    if (!queueMode || !focused || searching) return;
    const index = ids.indexOf(focused);
    if (index < 0) return;
    void moveQueued(focused, typeof delta === 'number' ? Math.max(0, index + delta) : delta);
  };

  useLibraryKeyboard((action) => {
    const status = TRIAGE[action];
    if (status) {
      triage(status);
      return true;
    }
    const move = MOVES[action];
    if (move !== undefined) {
      reorder(move);
      return queueMode;
    }
    switch (action) {
      case 'next':
      case 'previous':
        selection.setSelection((state) => moveFocus(state, ids, action === 'next' ? 1 : -1));
        return true;
      case 'open-detail':
        // Enter on a button or link keeps its own meaning.
        if (selection.current().focused === null || !listHasKeys()) return false;
        context.drawer.open();
        return true;
      case 'edit-tags':
      case 'edit-note': {
        if (selection.current().focused === null) return false;
        context.drawer.open();
        const target = action === 'edit-tags' ? 'tags' : 'note';
        // Focus at once when the editor is on screen, so the next keystrokes land in it; else
        // hold the keys typed until it appears.
        if (!focusShortcutTarget(target)) {
          holdKeysFor(target);
          context.requestEdit(target);
        }
        return true;
      }
      case 'highlight': {
        // The Highlight button shows only while a passage of the abstract is selected.
        const button = document.querySelector<HTMLButtonElement>(
          '[data-shortcut-target="highlight"]',
        );
        button?.click();
        return button !== null;
      }
      case 'open-link':
        if (context.detail) context.openLink(externalSearchUrls(context.detail.paper.title).arxiv);
        return Boolean(context.detail);
      case 'select-all':
        selection.selectAll();
        return true;
      case 'undo':
        void undoLast();
        return true;
      case 'clear':
        // Esc leaves a text field first, then closes the drawer, then clears search or selection.
        if (!isTypingTarget(document.activeElement) && context.drawer.close()) return true;
        if (context.onShellAction('clear')) return true;
        if (selection.selection.selected.size > 0) {
          selection.clear();
          return true;
        }
        return false;
      default:
        return context.onShellAction(action);
    }
  });
}
