import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PaperQueueApi } from '../../../../shared/ipc-contract';
import {
  prefetchPaperDetails,
  usePaperDetail,
  useTags,
  useViewRows,
  type LibraryView,
  type PaperSort,
  type TagCount,
  type ViewCounts,
} from '../../db';
import { useExportScopePublisher } from '../backup/export/export-scope';
import { PaneBoundary } from '../errors/PaneBoundary';
import { RecommendContext, useOpenedPaper } from '../recommend/recommend-context';
import { useForYouList } from '../recommend/use-for-you';
import { useRecommender } from '../recommend/use-recommender';
import type { SearchResults } from '../search/use-search-results';
import { usePreferences } from '../settings/preferences-store';
import type { ShortcutAction } from '../shortcuts/shortcut-map';
import { TagManagerDialog } from '../tags/TagManagerDialog';
import { DetailPane } from './DetailPane';
import { openExternalLink } from './library-actions';
import { STATUS_VIEWS } from './library-view';
import { ListPane } from './ListPane';
import { selectOnly } from './selection';
import { Sidebar } from './Sidebar';
import { useDetailDrawer } from './use-detail-drawer';
import { useEditRequests } from './use-edit-requests';
import { useOptimisticCounts } from './use-optimistic-counts';
import { useVisibleRows } from './use-visible-rows';
import { useWorkspaceSelection } from './use-workspace-selection';
import { useWorkspaceShortcuts } from './use-workspace-shortcuts';

/** Props: the bridge, counts, the current search, and the shell's own shortcuts. */
export interface LibraryWorkspaceProps {
  readonly api: PaperQueueApi;
  readonly counts: ViewCounts | undefined;
  readonly view: LibraryView;
  readonly onViewChange: (view: LibraryView) => void;
  readonly search: SearchResults | null;
  /** Asks for the next page of matches (the list scrolled near the end of those loaded). */
  readonly onLoadMoreMatches: () => void;
  readonly sidebarExtra: {
    readonly showing: 'imports' | 'insights' | null;
    readonly onShowImports: () => void;
    readonly onShowInsights: () => void;
  };
  readonly onShellAction: (action: ShortcutAction) => boolean;
  readonly mainPane: React.ReactNode | null;
}

const NO_TAGS: readonly TagCount[] = [];
/** Papers read ahead around the focused one (behind it, and ahead where triage goes). */
const READ_BEHIND = 2;
const READ_AHEAD = 4;

function viewTitle(view: LibraryView, tags: readonly TagCount[]): string {
  if (typeof view === 'string')
    return STATUS_VIEWS.find((entry) => entry.view === view)?.label ?? view;
  return `Tag: ${tags.find(({ tag }) => tag.id === view.tagId)?.tag.name ?? '…'}`;
}

/** Sidebar, list and detail: where triage, queueing, tagging and notes happen. */
export function LibraryWorkspace(props: LibraryWorkspaceProps): React.JSX.Element {
  const { view, search, api, onViewChange } = props;
  const preferences = usePreferences();
  const [sort, setSort] = useState<PaperSort>(preferences.defaultSort);
  useEffect(() => setSort(preferences.defaultSort), [preferences.defaultSort]);
  const [managedTag, setManagedTag] = useState<string | null>(null);
  const { rows, complete } = useViewRows(view, sort);
  const tags = useTags() ?? NO_TAGS;
  const matching = useVisibleRows(rows, search);
  const recommender = useRecommender();
  const forYou = useForYouList(matching, search === null && view !== 'queued', recommender);
  const visible = forYou.rows;
  const ids = useMemo(() => visible.map((row) => row.id), [visible]);
  const tagsById = useMemo(() => new Map(tags.map(({ tag }) => [tag.id, tag])), [tags]);
  const selection = useWorkspaceSelection(ids, rows !== undefined);
  const focused = selection.selection.focused;
  const { setSelection } = selection;
  const focusInList = useCallback((id: string) => setSelection(selectOnly(id)), [setSelection]);
  const { shownId, context: recommend } = useOpenedPaper(focused, recommender, {
    ids,
    focus: focusInList,
  });
  const detail = usePaperDetail(shownId);
  const workspace = useRef<HTMLDivElement>(null);
  const drawer = useDetailDrawer(workspace, focused !== null);
  const counts = useOptimisticCounts(props.counts);
  const title = viewTitle(view, tags);
  useExportScopePublisher(title, ids, selection.selection.selected, focused);

  const editRequests = useEditRequests(focused, () => selection.current().focused);
  useEffect(() => {
    const index = focused === null ? -1 : ids.indexOf(focused);
    if (index >= 0)
      prefetchPaperDetails(ids.slice(Math.max(0, index - READ_BEHIND), index + READ_AHEAD + 1));
  }, [focused, ids]);

  const { clear, click } = selection;
  const selectView = useCallback(
    (next: LibraryView) => {
      onViewChange(next);
      clear();
    },
    [onViewChange, clear],
  );
  const { open: openDrawer } = drawer;
  const onRowClick = useCallback(
    (event: React.MouseEvent, id: string) => {
      click(event, id);
      if (!event.ctrlKey && !event.metaKey && !event.shiftKey) openDrawer();
    },
    [click, openDrawer],
  );
  const openLink = useCallback((url: string) => openExternalLink(api, url), [api]);

  useWorkspaceShortcuts({
    rows: visible,
    ids,
    selection,
    detail,
    queueMode: view === 'queued',
    searching: search !== null,
    openLink,
    requestEdit: editRequests.request,
    onShellAction: props.onShellAction,
    drawer,
  });

  return (
    <RecommendContext.Provider value={recommend}>
      <div className="app-body" data-sidebar={preferences.sidebarCollapsed ? 'hidden' : 'shown'}>
        {preferences.sidebarCollapsed ? null : (
          <PaneBoundary paneClassName="sidebar" what="The sidebar">
            <Sidebar
              view={view}
              counts={counts}
              tags={tags}
              showing={props.sidebarExtra.showing}
              onSelectView={selectView}
              onManageTag={setManagedTag}
              onShowImports={props.sidebarExtra.onShowImports}
              onShowInsights={props.sidebarExtra.onShowInsights}
            />
          </PaneBoundary>
        )}
        <div ref={workspace} className="workspace" data-layout={drawer.layout}>
          {props.mainPane ?? (
            <>
              <PaneBoundary
                paneClassName="list-pane"
                what="The list"
                resetKeys={[title, search?.query, sort]}
              >
                <ListPane
                  view={view}
                  title={title}
                  rows={rows}
                  complete={complete}
                  visible={visible}
                  sort={sort}
                  onSort={setSort}
                  search={search}
                  onNearEnd={props.onLoadMoreMatches}
                  selection={selection}
                  onRowClick={onRowClick}
                  tags={tags}
                  tagsById={tagsById}
                  forYou={forYou}
                />
              </PaneBoundary>
              {drawer.shown ? (
                <PaneBoundary
                  paneClassName="detail-pane"
                  what="This paper"
                  resetKeys={[focused, detail]}
                  actions={
                    <button type="button" onClick={clear}>
                      Back to the list
                    </button>
                  }
                >
                  <DetailPane
                    detail={detail}
                    hasRows={visible.length > 0}
                    search={search}
                    tags={tags}
                    tagsById={tagsById}
                    tagEditRequest={editRequests.tags}
                    noteEditRequest={editRequests.note}
                    onOpenLink={openLink}
                    onClose={drawer.layout === 'drawer' ? drawer.close : null}
                  />
                </PaneBoundary>
              ) : null}
            </>
          )}
        </div>
        {managedTag && tags.length > 0 ? (
          <TagManagerDialog tagId={managedTag} tags={tags} onClose={() => setManagedTag(null)} />
        ) : null}
      </div>
    </RecommendContext.Provider>
  );
}
