import { useState } from 'react';
import { MAX_HIGHLIGHT_COMMENT_LENGTH, type HighlightRecord } from '../../db';
import { editHighlightComment, removeHighlight } from './highlight-actions';

/** Props: one highlight and whether its passage is still in the abstract. */
export interface HighlightItemProps {
  readonly highlight: HighlightRecord;
  readonly placed: boolean;
}

/** One highlight in the detail pane: the quote, its comment, Edit comment and Delete. */
export function HighlightItem({ highlight, placed }: HighlightItemProps): React.JSX.Element {
  const [draft, setDraft] = useState<string | null>(null);
  const save = async (): Promise<void> => {
    if (draft !== null && (await editHighlightComment(highlight, draft))) setDraft(null);
  };
  return (
    <li className="highlight-item" data-testid="highlight-item">
      <blockquote className="highlight-quote">{highlight.text}</blockquote>
      {placed ? null : <p className="muted">This passage is no longer in the abstract.</p>}
      {draft === null ? (
        <>
          {highlight.comment !== '' ? (
            <p className="highlight-comment" data-testid="highlight-comment">
              {highlight.comment}
            </p>
          ) : null}
          <div className="highlight-buttons">
            <button type="button" className="link" onClick={() => setDraft(highlight.comment)}>
              {highlight.comment === '' ? 'Add a comment' : 'Edit comment'}
            </button>
            <button type="button" className="link" onClick={() => void removeHighlight(highlight)}>
              Delete
            </button>
          </div>
        </>
      ) : (
        <form
          className="highlight-edit"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <textarea
            aria-label="Comment on the highlight"
            maxLength={MAX_HIGHLIGHT_COMMENT_LENGTH}
            value={draft}
            rows={2}
            autoFocus
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && !event.shiftKey) {
                event.preventDefault();
                void save();
              }
            }}
          />
          <div className="highlight-buttons">
            <button type="submit">Save</button>
            <button type="button" onClick={() => setDraft(null)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </li>
  );
}
