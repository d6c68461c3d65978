import { memo } from 'react';
import type { LibraryView, PaperRow, PaperSort, TagCount, TagRecord } from '../../db';
import type { SearchResults } from '../search/use-search-results';
import { moveQueued } from './library-actions';
import type { ForYouList } from '../recommend/use-for-you';
import { ListHeader } from './ListHeader';
import { PaperList } from './PaperList';
import type { WorkspaceSelection } from './use-workspace-selection';

/** Props of the list pane. */
export interface ListPaneProps {
  readonly view: LibraryView;
  readonly title: string;
  /** The rows shown (the view's, or its search matches); undefined while the view loads. */
  readonly rows: readonly PaperRow[] | undefined;
  /** False while only the first rows are known (cold start): the count is not shown yet. */
  readonly complete: boolean;
  readonly visible: readonly PaperRow[];
  readonly sort: PaperSort;
  readonly onSort: (sort: PaperSort) => void;
  readonly search: SearchResults | null;
  /** Called when the list scrolls near its last row (loads more matches while searching). */
  readonly onNearEnd: () => void;
  readonly selection: WorkspaceSelection;
  readonly onRowClick: (event: React.MouseEvent, id: string) => void;
  readonly tags: readonly TagCount[];
  readonly tagsById: ReadonlyMap<string, TagRecord>;
  readonly forYou: ForYouList;
}

function reorder(id: string, target: number): void {
  void moveQueued(id, target);
}

function emptyMessage(view: LibraryView, title: string, search: SearchResults | null): string {
  if (search) return `No papers in ${title} match “${search.query}”.`;
  if (view === 'inbox') return 'Inbox zero: every new paper has been triaged.';
  if (view === 'queued') return 'The queue is empty. Press Q on a paper to queue it.';
  return 'No papers here yet.';
}

/**
 * The header (title, count, sort, bulk actions) above the virtualised list of the view. Memoised:
 * the sidebar's counts moving after a write do not re-render a 50k-row list.
 */
export const ListPane = memo(function ListPane(props: ListPaneProps): React.JSX.Element {
  const { view, search, selection } = props;
  const queueMode = view === 'queued';
  const state = selection.selection;
  return (
    <section className="list-pane" aria-label="Paper list">
      <ListHeader
        title={props.title}
        count={search ? search.total : props.complete ? props.visible.length : null}
        sort={props.sort}
        queueMode={queueMode}
        search={search}
        selected={
          state.selected.size > 1 ? props.visible.filter((row) => state.selected.has(row.id)) : []
        }
        allTags={props.tags}
        onSort={props.onSort}
        onSelectAll={selection.selectAll}
        onClearSelection={selection.clear}
        forYou={props.forYou}
      />
      <PaperList
        rows={props.visible}
        selection={state.selected}
        focusedId={state.focused}
        hits={search?.hits ?? null}
        why={props.forYou.why}
        tagsById={props.tagsById}
        showStatus={typeof view !== 'string' || view === 'all'}
        queueMode={queueMode}
        emptyMessage={
          props.rows === undefined ? 'Loading…' : emptyMessage(view, props.title, search)
        }
        resetScrollKey={`${props.title}\u0000${search?.query ?? ''}\u0000${props.sort}\u0000${props.forYou.on}`}
        onRowClick={props.onRowClick}
        onReorder={reorder}
        onNearEnd={search ? props.onNearEnd : null}
      />
    </section>
  );
});
