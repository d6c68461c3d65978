import { useEffect, useRef, useState } from 'react';
import type { TagCount, TagRecord } from '../../db';
import { tagPapers, untagPapers } from '../library/library-actions';
import { TagInput } from './TagInput';

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
 * Tag chips with remove buttons and a box that autocompletes existing tag names. A tag being
 * written shows as a faint chip until the library has it; a failed write is explained by a toast
 * and its name is put back into the box (see `TagInput`), so nothing typed is lost.
 */
export function TagEditor(props: TagEditorProps): React.JSX.Element {
  const [pending, setPending] = useState<
    readonly { readonly key: number; readonly name: string }[]
  >([]);
  const nextKey = useRef(1);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (props.focusRequest > 0) input.current?.focus();
  }, [props.focusRequest]);
  const carried = new Set(props.tags.map((tag) => tag.id));
  const carriedKeys = new Set(props.tags.map((tag) => tag.nameKey));
  const { paperIds } = props;

  const take = async (name: string): Promise<boolean> => {
    const key = nextKey.current++;
    setPending((entries) => [...entries, { key, name }]);
    const ok = await tagPapers(paperIds, name);
    setPending((entries) => entries.filter((entry) => entry.key !== key));
    return ok;
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
              onClick={() => void untagPapers(paperIds, tag.id, tag.name)}
            >
              ×
            </button>
          </li>
        ))}
        {pending
          .filter(({ name }) => !carriedKeys.has(name.toLowerCase()))
          .map(({ key, name }) => (
            <li key={`pending:${key}`} className="tag-chip pending" aria-busy="true">
              {name}
            </li>
          ))}
      </ul>
      <TagInput
        inputRef={input}
        shortcutTarget="tags"
        allTags={props.allTags}
        carried={carried}
        label="Add a tag"
        placeholder="Add a tag…"
        onTake={take}
      />
    </div>
  );
}
