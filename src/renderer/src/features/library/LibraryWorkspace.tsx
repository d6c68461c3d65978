import { useCallback, useEffect, useMemo, useState } from 'react';
import type { PaperQueueApi } from '../../../../shared/ipc-contract';
import {
  usePaperDetail,
  useTags,
  useViewRows,
  type LibraryView,
  type PaperSort,
  type TagRecord,
  type ViewCounts,
} from '../../db';
import type { SearchResults } from '../search/use-search-results';
import type { ShortcutAction } from '../shortcuts/shortcut-map';
import { undoLast } from '../undo/undo-stack';
import { TagManagerDialog } from '../tags/TagManagerDialog';
import { changeStatus, moveQueued } from './library-actions';
import { STATUS_VIEWS } from './library-view';
import { ListHeader } from './ListHeader';
import { PaperDetail, externalSearchUrls } from './PaperDetail';
import { PaperList } from './PaperList';
import {
  clickSelection,
  EMPTY_SELECTION,
  moveFocus,
  nextAfterAction,
  pruneSelection,
  selectOnly,
} from './selection';
import { Sidebar } from './Sidebar';
import { useLibraryKeyboard } from './use-library-keyboard';
import { useVisibleRows } from './use-visible-rows';

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

/** Focuses the on-screen element marked `data-shortcut-target`, if any; true when it did. */
function focusShortcutTarget(target: 'tags' | 'note'): boolean {
  const element = document.querySelector<HTMLElement>(`[data-shortcut-target="${target}"]`);
  element?.focus();
  return element !== null;
}

function viewTitle(view: LibraryView, tags: readonly { tag: TagRecord }[] | undefined): string {
  if (typeof view === 'string')
    return STATUS_VIEWS.find((entry) => entry.view === view)?.label ?? view;
  return `Tag: ${tags?.find(({ tag }) => tag.id === view.tagId)?.tag.name ?? '…'}`;
}

/** Sidebar, list and detail: where triage, queueing, tagging and notes happen. */
export function LibraryWorkspace(props: LibraryWorkspaceProps): React.JSX.Element {
  const { view, search } = props;
  const [sort, setSort] = useState<PaperSort>('listing');
  const [selection, setSelection] = useState(EMPTY_SELECTION);
  const [managedTag, setManagedTag] = useState<string | null>(null);
  const [noteEditRequest, setNoteEditRequest] = useState(0);
  const [tagEditRequest, setTagEditRequest] = useState(0);
  const rows = useViewRows(view, sort);
  const tags = useTags();
  const visible = useVisibleRows(rows, search);
  const ids = useMemo(() => visible.map((row) => row.id), [visible]);
  const tagsById = useMemo(() => new Map((tags ?? []).map(({ tag }) => [tag.id, tag])), [tags]);
  const detail = usePaperDetail(selection.focused);
  const queueMode = view === 'queued';

  useEffect(() => {
    if (rows) setSelection((state) => pruneSelection(state, ids));
  }, [ids, rows]);
  useEffect(() => {
    setNoteEditRequest(0);
    setTagEditRequest(0);
  }, [selection.focused]);

  const { onViewChange } = props;
  const selectView = useCallback(
    (next: LibraryView) => {
      onViewChange(next);
      setSelection(EMPTY_SELECTION);
    },
    [onViewChange],
  );
  const targets = useCallback((): string[] => {
    if (selection.selected.size > 1) return ids.filter((id) => selection.selected.has(id));
    return selection.focused ? [selection.focused] : [];
  }, [ids, selection]);

  const triage = useCallback(
    (status: 'queued' | 'dismissed' | 'reading' | 'read') => {
      const acted = targets();
      if (acted.length === 0) return;
      setSelection(selectOnly(nextAfterAction(ids, selection.focused, new Set(acted))));
      void changeStatus(acted, status);
    },
    [ids, selection.focused, targets],
  );

  const openLink = useCallback(
    (url: string) => {
      void props.api.openExternal(url);
    },
    [props.api],
  );

  const reorder = useCallback(
    (delta: number | 'top' | 'bottom') => {
      const id = selection.focused;
      if (!queueMode || !id || search) return;
      const index = ids.indexOf(id);
      if (index < 0) return;
      void moveQueued(id, typeof delta === 'number' ? Math.max(0, index + delta) : delta);
    },
    [ids, queueMode, search, selection.focused],
  );

  useLibraryKeyboard((action) => {
    switch (action) {
      case 'next':
      case 'previous':
        setSelection((state) => moveFocus(state, ids, action === 'next' ? 1 : -1));
        return true;
      case 'queue':
        triage('queued');
        return true;
      case 'dismiss':
        triage('dismissed');
        return true;
      case 'start-reading':
        triage('reading');
        return true;
      case 'mark-read':
        triage('read');
        return true;
      case 'edit-tags':
        // Focus at once when the editor is on screen, so the next keystrokes land in it; the
        // request covers a detail pane that is still loading.
        if (!focusShortcutTarget('tags')) setTagEditRequest((value) => value + 1);
        return selection.focused !== null;
      case 'edit-note':
        if (!focusShortcutTarget('note')) setNoteEditRequest((value) => value + 1);
        return selection.focused !== null;
      case 'open-link':
        if (detail) openLink(externalSearchUrls(detail.paper.title).arxiv);
        return detail !== undefined && detail !== null;
      case 'move-up':
        reorder(-1);
        return queueMode;
      case 'move-down':
        reorder(1);
        return queueMode;
      case 'move-top':
        reorder('top');
        return queueMode;
      case 'move-bottom':
        reorder('bottom');
        return queueMode;
      case 'select-all':
        setSelection({
          selected: new Set(ids),
          focused: selection.focused ?? ids[0] ?? null,
          anchor: ids[0] ?? null,
        });
        return true;
      case 'undo':
        void undoLast();
        return true;
      case 'clear':
        if (props.onShellAction('clear')) return true;
        if (selection.selected.size > 0) {
          setSelection(EMPTY_SELECTION);
          return true;
        }
        return false;
      default:
        return props.onShellAction(action);
    }
  });

  const selectedIds = ids.filter((id) => selection.selected.has(id));
  const emptyMessage = search
    ? `No papers in ${viewTitle(view, tags)} match “${search.query}”.`
    : view === 'inbox'
      ? 'Inbox zero: every new paper has been triaged.'
      : view === 'queued'
        ? 'The queue is empty. Press Q on a paper to queue it.'
        : 'No papers here yet.';

  return (
    <>
      <Sidebar
        view={view}
        counts={props.counts}
        tags={tags}
        showingImports={props.sidebarExtra.showingImports}
        onSelectView={selectView}
        onManageTag={setManagedTag}
        onShowImports={props.sidebarExtra.onShowImports}
      />
      {props.mainPane ?? (
        <>
          <section className="list-pane" aria-label="Paper list">
            <ListHeader
              title={viewTitle(view, tags)}
              count={visible.length}
              sort={sort}
              queueMode={queueMode}
              search={search}
              selectedIds={selectedIds}
              allTags={tags ?? []}
              onSort={setSort}
              onSelectAll={() =>
                setSelection({
                  selected: new Set(ids),
                  focused: selection.focused ?? ids[0] ?? null,
                  anchor: ids[0] ?? null,
                })
              }
              onClearSelection={() => setSelection(EMPTY_SELECTION)}
            />
            <PaperList
              rows={visible}
              selection={selection.selected}
              focusedId={selection.focused}
              hits={search?.hits ?? null}
              tagsById={tagsById}
              showStatus={typeof view !== 'string' || view === 'all'}
              queueMode={queueMode}
              emptyMessage={rows === undefined ? 'Loading…' : emptyMessage}
              resetScrollKey={`${viewTitle(view, tags)}\u0000${search?.query ?? ''}\u0000${sort}`}
              onRowClick={(event, id) =>
                setSelection((state) =>
                  clickSelection(state, ids, id, {
                    toggle: event.ctrlKey || event.metaKey,
                    range: event.shiftKey,
                  }),
                )
              }
              onReorder={(id, target) => void moveQueued(id, target)}
            />
          </section>
          <section className="detail-pane" aria-label="Paper details">
            {detail ? (
              <PaperDetail
                detail={detail}
                tagsById={tagsById}
                allTags={tags ?? []}
                hit={search?.hits.get(detail.paper.id)}
                tagEditRequest={tagEditRequest}
                noteEditRequest={noteEditRequest}
                onOpenLink={openLink}
              />
            ) : (
              <p className="pane-placeholder">
                {visible.length > 0 ? 'Select a paper (J/K to move, ? for all shortcuts).' : ''}
              </p>
            )}
          </section>
        </>
      )}
      {managedTag && tags ? (
        <TagManagerDialog tagId={managedTag} tags={tags} onClose={() => setManagedTag(null)} />
      ) : null}
    </>
  );
}
