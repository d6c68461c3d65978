import { showToast } from '../toasts/toast-store';
import { errorMessage } from '../../../../shared/error-message';

/** One reversible user action. */
export interface UndoableAction {
  readonly label: string;
  readonly undo: () => Promise<void>;
}

const MAX_UNDO = 50;
const stack: UndoableAction[] = [];

/**
 * Records an action that can be undone (status changes, tag deletes, bulk edits) and offers an
 * Undo button in a toast. Ctrl/Cmd+Z undoes the most recent one.
 */
export function pushUndo(action: UndoableAction): void {
  stack.push(action);
  if (stack.length > MAX_UNDO) stack.shift();
  showToast({
    kind: 'info',
    title: action.label,
    action: { label: 'Undo', run: () => void undoLast() },
  });
}

/** Undoes the most recent action; returns its label, or null when there was nothing to undo. */
export async function undoLast(): Promise<string | null> {
  const action = stack.pop();
  if (!action) return null;
  try {
    await action.undo();
    showToast({ kind: 'success', title: `Undone: ${action.label}` });
  } catch (error) {
    showToast({
      kind: 'error',
      title: `Could not undo: ${action.label}`,
      detail: errorMessage(error),
    });
  }
  return action.label;
}
