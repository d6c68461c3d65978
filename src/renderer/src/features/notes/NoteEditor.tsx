import { useEffect, useRef, useState } from 'react';
import { MAX_NOTE_LENGTH } from '../../db';
import { ErrorBoundary } from '../errors/ErrorBoundary';
import { ErrorNotice } from '../errors/ErrorNotice';
import { noteDrafts, useNoteDraft } from './note-drafts';
import { NoteMarkdown } from './NoteMarkdown';
import { NoteSaveState } from './NoteSaveState';

/** Props of the note editor for one paper. */
export interface NoteEditorProps {
  readonly paperId: string;
  readonly savedNote: string;
  readonly onOpenLink: (url: string) => void;
  /** Incremented by the N shortcut: switch to Write and focus the text. */
  readonly editRequest: number;
}

const AUTOSAVE_MS = 600;

/**
 * Markdown note with Write/Preview tabs. Typed text goes to the note drafts at once and is saved
 * after a short pause, when the editor loses focus, when the paper changes and before the window
 * closes; a draft whose save failed is kept (also across paper switches) and offers Retry.
 */
export function NoteEditor(props: NoteEditorProps): React.JSX.Element {
  const { paperId, savedNote } = props;
  const draft = useNoteDraft(paperId);
  const [text, setText] = useState(() => noteDrafts.get(paperId)?.text ?? savedNote);
  const [mode, setMode] = useState<'write' | 'preview'>(text ? 'preview' : 'write');
  const textarea = useRef<HTMLTextAreaElement>(null);
  const tooLong = text.length > MAX_NOTE_LENGTH;

  useEffect(() => {
    if (props.editRequest === 0) return;
    setMode('write');
    requestAnimationFrame(() => textarea.current?.focus());
  }, [props.editRequest]);

  const pending = draft?.state.kind === 'editing' && !tooLong;
  useEffect(() => {
    if (!pending) return undefined;
    const timer = setTimeout(() => void noteDrafts.save(paperId), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [pending, text, paperId]);

  // Leaving the paper saves what is pending; a failure keeps the draft for when it is reopened.
  useEffect(() => () => void noteDrafts.save(paperId), [paperId]);

  return (
    <section className="note-editor" aria-label="Note">
      <div className="note-tabs" role="tablist">
        <button
          type="button"
          role="tab"
          aria-selected={mode === 'write'}
          onClick={() => setMode('write')}
        >
          Write
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={mode === 'preview'}
          onClick={() => setMode('preview')}
        >
          Preview
        </button>
        <NoteSaveState
          draft={draft}
          text={text}
          tooLong={tooLong}
          onRetry={() => void noteDrafts.save(paperId)}
        />
      </div>
      {mode === 'write' ? (
        <textarea
          ref={textarea}
          data-shortcut-target="note"
          className="note-text"
          aria-label="Note (markdown)"
          placeholder="Notes in markdown: **bold**, _italic_, - lists, [links](https://…)"
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            noteDrafts.edit(paperId, event.target.value, savedNote);
          }}
          onBlur={() => {
            if (!tooLong) void noteDrafts.save(paperId);
          }}
          rows={8}
        />
      ) : text.trim() ? (
        <ErrorBoundary
          resetKeys={[text]}
          fallback={(error) => (
            <ErrorNotice title="The preview of this note could not be shown" error={error}>
              <button type="button" onClick={() => setMode('write')}>
                Edit as plain text
              </button>
            </ErrorNotice>
          )}
        >
          <NoteMarkdown markdown={text} onOpenLink={props.onOpenLink} />
        </ErrorBoundary>
      ) : (
        <p className="muted">No note yet. Press N or choose Write.</p>
      )}
    </section>
  );
}
