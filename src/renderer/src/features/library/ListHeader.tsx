import type { PaperSort, TagCount } from '../../db';
import type { SearchResults } from '../search/use-search-results';
import { changeStatus } from './library-actions';
import { BulkTagControls } from '../tags/BulkTagControls';

const SORTS: readonly { readonly sort: PaperSort; readonly label: string }[] = [
  { sort: 'listing', label: 'Listing date' },
  { sort: 'published', label: 'Published' },
  { sort: 'upvotes', label: 'Upvotes' },
  { sort: 'title', label: 'Title' },
  { sort: 'changed', label: 'Recently changed' },
];

/** Props of the header above the list. */
export interface ListHeaderProps {
  readonly title: string;
  readonly count: number;
  readonly sort: PaperSort;
  readonly queueMode: boolean;
  readonly search: SearchResults | null;
  readonly selectedIds: readonly string[];
  readonly allTags: readonly TagCount[];
  readonly onSort: (sort: PaperSort) => void;
  readonly onSelectAll: () => void;
  readonly onClearSelection: () => void;
}

/** View title and count, sort order, and the bulk-action bar when several papers are selected. */
export function ListHeader(props: ListHeaderProps): React.JSX.Element {
  const bulk = props.selectedIds.length > 1;
  return (
    <div className="list-header">
      <div className="list-title-row">
        <h1 className="list-title">
          {props.title}{' '}
          <span className="muted" data-testid="list-count">
            {props.count}
          </span>
        </h1>
        {props.search ? (
          <span className="muted search-summary">
            {props.search.total} match{props.search.total === 1 ? '' : 'es'} in the library ·{' '}
            {props.search.tookMs.toFixed(0)} ms
          </span>
        ) : null}
        <span className="spacer" />
        {props.queueMode || props.search ? null : (
          <label className="sort-select">
            <span className="visually-hidden">Sort by</span>
            <select
              value={props.sort}
              aria-label="Sort by"
              onChange={(event) => props.onSort(event.target.value as PaperSort)}
            >
              {SORTS.map(({ sort, label }) => (
                <option key={sort} value={sort}>
                  {label}
                </option>
              ))}
            </select>
          </label>
        )}
        <button
          type="button"
          onClick={props.onSelectAll}
          disabled={props.count === 0}
          title="Select all (Ctrl/Cmd+A)"
        >
          Select all
        </button>
      </div>
      {bulk ? (
        <div className="bulk-bar" role="toolbar" aria-label="Bulk actions" data-testid="bulk-bar">
          <strong>{props.selectedIds.length} selected</strong>
          <button type="button" onClick={() => void changeStatus(props.selectedIds, 'queued')}>
            Queue
          </button>
          <button type="button" onClick={() => void changeStatus(props.selectedIds, 'reading')}>
            Reading
          </button>
          <button type="button" onClick={() => void changeStatus(props.selectedIds, 'read')}>
            Read
          </button>
          <button type="button" onClick={() => void changeStatus(props.selectedIds, 'dismissed')}>
            Dismiss
          </button>
          <button type="button" onClick={() => void changeStatus(props.selectedIds, 'inbox')}>
            Inbox
          </button>
          <BulkTagControls paperIds={props.selectedIds} allTags={props.allTags} />
          <button type="button" className="link" onClick={props.onClearSelection}>
            Clear
          </button>
        </div>
      ) : null}
    </div>
  );
}
