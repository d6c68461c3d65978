import type { TagCount } from '../../db';
import { tagPapers, untagPapers } from '../library/library-actions';
import { TagInput } from './TagInput';

const NONE: ReadonlySet<string> = new Set();

/** Add a tag to, or remove a tag from, every selected paper. */
export function BulkTagControls({
  paperIds,
  allTags,
}: {
  readonly paperIds: readonly string[];
  readonly allTags: readonly TagCount[];
}): React.JSX.Element {
  return (
    <span className="bulk-tags">
      <TagInput
        allTags={allTags}
        carried={NONE}
        label="Add a tag to the selected papers"
        placeholder="Tag all…"
        onTake={(name) => tagPapers(paperIds, name)}
      />
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
