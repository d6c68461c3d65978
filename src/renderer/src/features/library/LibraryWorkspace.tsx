import { useCallback, useEffect, useMemo, useState } from 'react';
import type { PaperQueueApi } from '../../../../shared/ipc-contract';
import {
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
import type { SearchResults } from '../search/use-search-results';
import type { ShortcutAction } from '../shortcuts/shortcut-map';
import { TagManagerDialog } from '../tags/TagManagerDialog';
import { DetailPane } from './DetailPane';
import { openExternalLink } from './library-actions';
import { STATUS_VIEWS } from './library-view';
import { ListPane } from './ListPane';
import { Sidebar } from './Sidebar';
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
  readonly sidebarExtra: { readonly showingImports: boolean; readonly onShowImports: () => void };
  readonly onShellAction: (action: ShortcutAction) => boolean;
  readonly mainPane: React.ReactNode | null;
}

const NO_TAGS: readonly TagCount[] = [];

function viewTitle(view: LibraryView, tags: readonly TagCount[]): string {
  if (typeof view === 'string')
    return STATUS_VIEWS.find((entry) => entry.view === view)?.label ?? view;
  return `Tag: ${tags.find(({ tag }) => tag.id === view.tagId)?.tag.name ?? '…'}`;
}

/** Sidebar, list and detail: where triage, queueing, tagging and notes happen. */
export function LibraryWorkspace(props: LibraryWorkspaceProps): React.JSX.Element {
  const { view, search, api, onViewChange } = props;
  const [sort, setSort] = useState<PaperSort>('listing');
  const [managedTag, setManagedTag] = useState<string | null>(null);
  const [editRequests, setEditRequests] = useState({ tags: 0, note: 0 });
  const rows = useViewRows(view, sort);
  const tags = useTags() ?? NO_TAGS;
  const visible = useVisibleRows(rows, search);
  const ids = useMemo(() => visible.map((row) => row.id), [visible]);
  const tagsById = useMemo(() => new Map(tags.map(({ tag }) => [tag.id, tag])), [tags]);
  const selection = useWorkspaceSelection(ids, rows !== undefined);
  const focused = selection.selection.focused;
  const detail = usePaperDetail(focused);
  const title = viewTitle(view, tags);
  useExportScopePublisher(title, ids, selection.selection.selected, focused);

  useEffect(() => setEditRequests({ tags: 0, note: 0 }), [focused]);

  const { clear } = selection;
  const selectView = useCallback(
    (next: LibraryView) => {
      onViewChange(next);
      clear();
    },
    [onViewChange, clear],
  );
  const openLink = useCallback((url: string) => openExternalLink(api, url), [api]);

  useWorkspaceShortcuts({
    ids,
    selection,
    detail,
    queueMode: view === 'queued',
    searching: search !== null,
    openLink,
    requestEdit: (target) =>
      setEditRequests((requests) => ({ ...requests, [target]: requests[target] + 1 })),
    onShellAction: props.onShellAction,
  });

  return (
    <>
      <PaneBoundary paneClassName="sidebar" what="The sidebar">
        <Sidebar
          view={view}
          counts={props.counts}
          tags={tags}
          showingImports={props.sidebarExtra.showingImports}
          onSelectView={selectView}
          onManageTag={setManagedTag}
          onShowImports={props.sidebarExtra.onShowImports}
        />
      </PaneBoundary>
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
              visible={visible}
              ids={ids}
              sort={sort}
              onSort={setSort}
              search={search}
              selection={selection}
              tags={tags}
              tagsById={tagsById}
            />
          </PaneBoundary>
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
            />
          </PaneBoundary>
        </>
      )}
      {managedTag && tags.length > 0 ? (
        <TagManagerDialog tagId={managedTag} tags={tags} onClose={() => setManagedTag(null)} />
      ) : null}
    </>
  );
}
