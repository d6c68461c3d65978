import { useEffect, useRef, useState } from 'react';
import type { TagCount, TagRecord } from '../../db';
import { tagPapers, untagPapers } from '../library/library-actions';

/** Props of the tag editor for one or more papers. */
export interface TagEditorProps {
  readonly paperIds: readonly string[];
  /** Tags the (first) paper carries. */
  readonly tags: readonly TagRecord[];
  readonly allTags: readonly TagCount[];
  /** Incremented by the T shortcut: focus the input (also right after the editor appears). */
  readonly focusRequest: number;
}

/**
 * Tag chips with remove buttons and an input that autocompletes existing tag names
 * (case-insensitive prefix first, then substring). Enter adds; a new name creates the tag.
 */
export function TagEditor(props: TagEditorProps): React.JSX.Element {
  const [draft, setDraft] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (props.focusRequest > 0) input.current?.focus();
  }, [props.focusRequest]);
  const carried = new Set(props.tags.map((tag) => tag.id));
  const needle = draft.trim().toLowerCase();
  const suggestions = needle
    ? props.allTags
        .filter(({ tag }) => !carried.has(tag.id) && tag.nameKey.includes(needle))
        .sort(
          (a, b) =>
            Number(!a.tag.nameKey.startsWith(needle)) - Number(!b.tag.nameKey.startsWith(needle)) ||
            b.count - a.count,
        )
        .slice(0, 8)
    : [];

  const add = async (name: string): Promise<void> => {
    if (name.trim().length === 0) return;
    if (await tagPapers(props.paperIds, name)) setDraft('');
  };

  return (
    <div className="tag-editor" data-testid="tag-editor">
      <ul className="tag-list" aria-label="Tags">
        {props.tags.map((tag) => (
          <li key={tag.id} className="tag-chip" style={{ borderColor: tag.color }}>
            <span className="tag-dot" style={{ background: tag.color }} aria-hidden="true" />
            {tag.name}
            <button
              type="button"
              className="chip-remove"
              aria-label={`Remove tag ${tag.name}`}
              onClick={() => void untagPapers(props.paperIds, tag.id, tag.name)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <form
        className="tag-add"
        onSubmit={(event) => {
          event.preventDefault();
          void add(draft);
        }}
      >
        <input
          ref={input}
          data-shortcut-target="tags"
          type="text"
          value={draft}
          placeholder="Add a tag…"
          aria-label="Add a tag"
          maxLength={60}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Tab' && suggestions[0] && draft.trim() !== suggestions[0].tag.name) {
              event.preventDefault();
              setDraft(suggestions[0].tag.name);
            }
          }}
        />
        {suggestions.length > 0 ? (
          <div className="tag-suggestions" role="listbox" aria-label="Tag suggestions">
            {suggestions.map(({ tag, count }) => (
              <button
                key={tag.id}
                type="button"
                role="option"
                aria-selected="false"
                onClick={() => void add(tag.name)}
              >
                <span className="tag-dot" style={{ background: tag.color }} aria-hidden="true" />
                {tag.name} <span className="muted">{count}</span>
              </button>
            ))}
          </div>
        ) : null}
      </form>
    </div>
  );
}
