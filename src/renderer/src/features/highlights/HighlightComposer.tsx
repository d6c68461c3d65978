import { useState } from 'react';
import { MAX_HIGHLIGHT_COMMENT_LENGTH } from '../../db';
import { highlightPassage } from './highlight-actions';
import type { PendingPassage } from './use-abstract-selection';

/** Props: the paper, its abstract, the selected passage and what to do when done. */
export interface HighlightComposerProps {
  readonly paperId: string;
  readonly abstract: string;
  readonly passage: PendingPassage;
  readonly onDone: () => void;
}

/** Longest quote shown in the composer before it is shortened. */
const PREVIEW_CHARS = 80;

/**
 * The "Highlight" action for a selected passage: an optional comment, then Highlight (the button,
 * Enter in the comment, or H while the list has the keys) or Cancel.
 */
export function HighlightComposer(props: HighlightComposerProps): React.JSX.Element {
  const [comment, setComment] = useState('');
  const [saving, setSaving] = useState(false);
  const quote = props.abstract.slice(props.passage.start, props.passage.end);
  const preview = quote.length > PREVIEW_CHARS ? `${quote.slice(0, PREVIEW_CHARS - 1)}…` : quote;
  const save = async (): Promise<void> => {
    if (saving) return;
    setSaving(true);
    const saved = await highlightPassage({ paperId: props.paperId, ...props.passage, comment });
    setSaving(false);
    if (!saved) return;
    document.getSelection()?.removeAllRanges();
    props.onDone();
  };
  return (
    <form
      className="highlight-composer"
      data-testid="highlight-composer"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <p className="highlight-preview">“{preview}”</p>
      <input
        type="text"
        aria-label="Comment on the highlight (optional)"
        placeholder="Comment (optional)"
        maxLength={MAX_HIGHLIGHT_COMMENT_LENGTH}
        value={comment}
        onChange={(event) => setComment(event.target.value)}
      />
      <button type="submit" className="primary" disabled={saving} data-shortcut-target="highlight">
        Highlight
      </button>
      <button type="button" onClick={props.onDone}>
        Cancel
      </button>
    </form>
  );
}
