import type { PaperRow, PaperSort, PaperStatus, TagCount } from '../../db';
import type { SearchResults } from '../search/use-search-results';
import { changeStatus } from './library-actions';
import { SORT_OPTIONS } from './sort-options';
import { BulkTagControls } from '../tags/BulkTagControls';

const BULK_STATUSES: readonly { readonly status: PaperStatus; readonly label: string }[] = [
  { status: 'queued', label: 'Queue' },
  { status: 'reading', label: 'Reading' },
  { status: 'read', label: 'Read' },
  { status: 'dismissed', label: 'Dismiss' },
  { status: 'inbox', label: 'Inbox' },
];

/** Props of the header above the list. */
export interface ListHeaderProps {
  readonly title: string;
  /** Papers in the list; null while it is still loading. */
  readonly count: number | null;
  readonly sort: PaperSort;
  readonly queueMode: boolean;
  readonly search: SearchResults | null;
  /** The selected rows, in list order. */
  readonly selected: readonly PaperRow[];
  readonly allTags: readonly TagCount[];
  readonly onSort: (sort: PaperSort) => void;
  readonly onSelectAll: () => void;
  readonly onClearSelection: () => void;
  readonly forYou: {
    readonly on: boolean;
    readonly notice: string | null;
    readonly onToggle: () => void;
  };
}

/** View title and count, sort order, and the bulk-action bar when several papers are selected. */
export function ListHeader(props: ListHeaderProps): React.JSX.Element {
  const bulk = props.selected.length > 1;
  return (
    <div className="list-header">
      <div className="list-title-row">
        <h1 className="list-title">
          {props.title}{' '}
          <span className="muted" data-testid="list-count">
            {props.count ?? '…'}
          </span>
        </h1>
        {props.search ? (
          <span
            className="muted search-summary"
            data-testid="search-summary"
            data-query={props.search.query}
          >
            {props.search.total} match{props.search.total === 1 ? '' : 'es'}
            {props.search.partialTotal > 0 ? ` (${props.search.partialTotal} partial)` : ''} ·{' '}
            {props.search.waitedMs.toFixed(0)} ms
          </span>
        ) : null}
        <span className="spacer" />
        {props.queueMode || props.search ? null : (
          <label className="sort-select">
            <span className="visually-hidden">Sort by</span>
            <select
              value={props.sort}
              aria-label="Sort by"
              onChange={(event) => {
                const choice = SORT_OPTIONS.find((option) => option.sort === event.target.value);
                if (choice) props.onSort(choice.sort);
              }}
            >
              {SORT_OPTIONS.map(({ sort, label }) => (
                <option key={sort} value={sort}>
                  {label}
                </option>
              ))}
            </select>
          </label>
        )}
        {props.queueMode || props.search ? null : (
          <button
            type="button"
            aria-pressed={props.forYou.on}
            title="Order by what your triage says you want"
            onClick={props.forYou.onToggle}
          >
            For you
          </button>
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
      {props.forYou.on && props.forYou.notice ? (
        <p className="muted for-you-notice" role="status" data-testid="for-you-notice">
          {props.forYou.notice}
        </p>
      ) : null}
      {bulk ? (
        <div className="bulk-bar" role="toolbar" aria-label="Bulk actions" data-testid="bulk-bar">
          <strong>{props.selected.length} selected</strong>
          {BULK_STATUSES.map(({ status, label }) => (
            <button
              key={status}
              type="button"
              onClick={() => void changeStatus(props.selected, status)}
            >
              {label}
            </button>
          ))}
          <BulkTagControls paperIds={props.selected.map((row) => row.id)} allTags={props.allTags} />
          <button type="button" className="link" onClick={props.onClearSelection}>
            Clear
          </button>
        </div>
      ) : null}
    </div>
  );
}
