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
/** Writes started but not yet finished; undo waits for them so a fast Ctrl/Cmd+Z finds their action. */
let pendingWrites: Promise<unknown> = Promise.resolve();

/**
 * Registers a write whose undo action is pushed only when it finishes (status changes and tags
 * are shown at once and written in the background). Undo waits for every registered write first:
 * pressing Ctrl/Cmd+Z right after Q undoes that Q, never the action before it.
 */
export function undoWaitsFor(write: Promise<unknown>): void {
  const settled = write.then(
    () => undefined,
    () => undefined,
  );
  pendingWrites = Promise.all([pendingWrites, settled]);
}

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
  await pendingWrites;
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
