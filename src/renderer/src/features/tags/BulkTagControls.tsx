import { useState } from 'react';
import type { TagCount } from '../../db';
import { tagPapers, untagPapers } from '../library/library-actions';

/** Add a tag to, or remove a tag from, every selected paper. */
export function BulkTagControls({
  paperIds,
  allTags,
}: {
  readonly paperIds: readonly string[];
  readonly allTags: readonly TagCount[];
}): React.JSX.Element {
  const [name, setName] = useState('');
  return (
    <span className="bulk-tags">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void tagPapers(paperIds, name).then((ok) => ok && setName(''));
        }}
      >
        <input
          type="text"
          value={name}
          onChange={(event) => setName(event.target.value)}
          placeholder="Tag all…"
          aria-label="Add a tag to the selected papers"
          list="bulk-tag-names"
          maxLength={60}
        />
        <datalist id="bulk-tag-names">
          {allTags.map(({ tag }) => (
            <option key={tag.id} value={tag.name} />
          ))}
        </datalist>
      </form>
      {allTags.length > 0 ? (
        <select
          aria-label="Remove a tag from the selected papers"
          value=""
          onChange={(event) => {
            const tag = allTags.find((entry) => entry.tag.id === event.target.value)?.tag;
            if (tag) void untagPapers(paperIds, tag.id, tag.name);
          }}
        >
          <option value="">Remove tag…</option>
          {allTags.map(({ tag }) => (
            <option key={tag.id} value={tag.id}>
              {tag.name}
            </option>
          ))}
        </select>
      ) : null}
    </span>
  );
}
