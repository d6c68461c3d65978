import { useEffect, useRef, useState } from 'react';
import { MAX_NOTE_LENGTH } from '../../db';
import { ErrorBoundary } from '../errors/ErrorBoundary';
import { ErrorNotice } from '../errors/ErrorNotice';
import { saveNote } from '../library/library-actions';
import { NoteMarkdown } from './NoteMarkdown';

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
 * Markdown note with Write/Preview tabs. Typing autosaves after a short pause and when the
 * editor loses focus or the paper changes, so nothing typed is lost; a save failure keeps the
 * draft in the editor and says why.
 */
export function NoteEditor(props: NoteEditorProps): React.JSX.Element {
  const [draft, setDraft] = useState(props.savedNote);
  const [mode, setMode] = useState<'write' | 'preview'>(props.savedNote ? 'preview' : 'write');
  const [state, setState] = useState<'saved' | 'saving' | 'unsaved' | 'failed'>('saved');
  const textarea = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (props.editRequest === 0) return;
    setMode('write');
    requestAnimationFrame(() => textarea.current?.focus());
  }, [props.editRequest]);
  const latest = useRef({ paperId: props.paperId, draft, saved: props.savedNote });
  latest.current = { paperId: props.paperId, draft, saved: props.savedNote };

  useEffect(() => {
    if (draft === props.savedNote) return undefined;
    setState('unsaved');
    const timer = setTimeout(() => {
      setState('saving');
      void saveNote(props.paperId, draft).then((ok) => setState(ok ? 'saved' : 'failed'));
    }, AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [draft, props.paperId, props.savedNote]);

  useEffect(() => {
    return () => {
      const { paperId, draft: pending, saved } = latest.current;
      if (pending !== saved) void saveNote(paperId, pending);
    };
  }, [props.paperId]);

  const tooLong = draft.length > MAX_NOTE_LENGTH;
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
        <span className="note-state muted" data-testid="note-state" aria-live="polite">
          {tooLong
            ? 'Too long to save'
            : state === 'saved'
              ? draft
                ? 'Saved'
                : ''
              : state === 'saving'
                ? 'Saving…'
                : state === 'failed'
                  ? 'Not saved'
                  : 'Editing…'}
        </span>
      </div>
      {mode === 'write' ? (
        <textarea
          ref={textarea}
          data-shortcut-target="note"
          className="note-text"
          aria-label="Note (markdown)"
          placeholder="Notes in markdown: **bold**, _italic_, - lists, [links](https://…)"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={() => {
            if (draft !== props.savedNote && !tooLong)
              void saveNote(props.paperId, draft).then((ok) => setState(ok ? 'saved' : 'failed'));
          }}
          rows={8}
        />
      ) : draft.trim() ? (
        <ErrorBoundary
          resetKeys={[draft]}
          fallback={(error) => (
            <ErrorNotice title="The preview of this note could not be shown" error={error}>
              <button type="button" onClick={() => setMode('write')}>
                Edit as plain text
              </button>
            </ErrorNotice>
          )}
        >
          <NoteMarkdown markdown={draft} onOpenLink={props.onOpenLink} />
        </ErrorBoundary>
      ) : (
        <p className="muted">No note yet. Press N or choose Write.</p>
      )}
    </section>
  );
}
