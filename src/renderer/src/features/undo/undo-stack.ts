import { showToast } from '../toasts/toast-store';
import { errorMessage } from '../../../../shared/error-message';

/** One reversible user action. */
export interface UndoableAction {
  readonly label: string;
  readonly undo: () => Promise<void>;
}

const MAX_UNDO = 50;
/** The one toast slot undo offers and results share: each action replaces the previous one. */
const UNDO_SLOT = 'undo';
const stack: UndoableAction[] = [];

/**
 * Records an action that can be undone (status changes, tag deletes, bulk edits) and offers an
 * Undo button in the undo toast, which replaces the previous action's. Ctrl/Cmd+Z undoes the most
 * recent action, and pressed again walks further back through the stack.
 */
export function pushUndo(action: UndoableAction): void {
  stack.push(action);
  if (stack.length > MAX_UNDO) stack.shift();
  showToast({
    kind: 'info',
    title: action.label,
    slot: UNDO_SLOT,
    action: { label: 'Undo', run: () => void undoLast() },
  });
}

/** Undoes the most recent action; returns its label, or null when there was nothing to undo. */
export async function undoLast(): Promise<string | null> {
  const action = stack.pop();
  if (!action) {
    showToast({ kind: 'info', title: 'Nothing to undo', slot: UNDO_SLOT });
    return null;
  }
  try {
    await action.undo();
    const previous = stack[stack.length - 1];
    showToast({
      kind: 'success',
      title: `Undone: ${action.label}`,
      slot: UNDO_SLOT,
      ...(previous ? { detail: `Ctrl/Cmd+Z again undoes “${previous.label}”.` } : {}),
    });
  } catch (error) {
    showToast({
      kind: 'error',
      title: `Could not undo: ${action.label}`,
      detail: errorMessage(error),
    });
  }
  return action.label;
}
