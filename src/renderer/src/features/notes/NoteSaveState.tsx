import type { NoteDraft } from './note-drafts';

/** Props: the paper's unsaved draft (none when saved), the text shown, and how to retry. */
export interface NoteSaveStateProps {
  readonly draft: NoteDraft | undefined;
  readonly text: string;
  readonly tooLong: boolean;
  readonly onRetry: () => void;
}

/** Saved, editing, saving, or not saved with the reason and a Retry button. */
export function NoteSaveState({ draft, text, tooLong, onRetry }: NoteSaveStateProps) {
  const failed = draft?.state.kind === 'failed' ? draft.state.reason : null;
  const label = tooLong
    ? 'Too long to save'
    : draft === undefined
      ? text
        ? 'Saved'
        : ''
      : draft.state.kind === 'saving'
        ? 'Saving…'
        : draft.state.kind === 'failed'
          ? 'Not saved'
          : 'Editing…';
  return (
    <>
      <span
        className="note-state muted"
        data-testid="note-state"
        aria-live="polite"
        title={failed ?? undefined}
      >
        {label}
      </span>
      {failed !== null && !tooLong ? (
        <button type="button" className="link" onClick={onRetry}>
          Retry
        </button>
      ) : null}
    </>
  );
}
