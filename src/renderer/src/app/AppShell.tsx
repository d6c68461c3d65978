import { useCallback, useRef, useState } from 'react';
import type { PaperQueueApi } from '../../../shared/ipc-contract';
import type { QueryProblem } from '../../../shared/search/search-types';
import type { MenuCommand } from '../../../shared/settings';
import { useViewCounts, type LibraryView } from '../db';
import { BackupCenter } from '../features/backup/BackupCenter';
import { ImportsView } from '../features/imports/ImportsView';
import { InsightsView } from '../features/insights/InsightsView';
import { ImportActivity } from '../features/import/ImportActivity';
import { useDropAndPaste } from '../features/import/use-drop-and-paste';
import { useImportPipeline } from '../features/import/use-import-pipeline';
import { LibraryWorkspace } from '../features/library/LibraryWorkspace';
import { EmptyState } from '../features/onboarding/EmptyState';
import { SearchBox } from '../features/search/SearchBox';
import { useSearchIndex } from '../features/search/use-search-index';
import { useSearchResults } from '../features/search/use-search-results';
import { SettingsDialog } from '../features/settings/SettingsDialog';
import { SidebarToggle } from '../features/settings/SidebarToggle';
import type { ShortcutAction } from '../features/shortcuts/shortcut-map';
import { ShortcutsDialog } from '../features/shortcuts/ShortcutsDialog';
import { useAppState } from './use-app-state';

const NO_PROBLEMS: readonly QueryProblem[] = [];

/** The window: toolbar, inbox banner, then the library (or the first-run screen). */
export function AppShell({ api }: { readonly api: PaperQueueApi }): React.JSX.Element {
  const [view, setView] = useState<LibraryView>('inbox');
  const [query, setQuery] = useState('');
  const [page, setPage] = useState<'imports' | 'insights' | null>(null);
  const [showShortcuts, setShowShortcuts] = useState(false);
  const [showSettings, setShowSettings] = useState(false);
  const searchInput = useRef<HTMLInputElement>(null);

  const focusSearch = useCallback(() => {
    setPage(null);
    searchInput.current?.focus();
    searchInput.current?.select();
  }, []);
  const onMenu = useCallback(
    (command: MenuCommand) => {
      if (command === 'focus-search') focusSearch();
      else if (command === 'show-shortcuts') setShowShortcuts(true);
      else if (command === 'show-imports') setPage('imports');
      else if (command === 'show-settings') setShowSettings(true);
    },
    [focusSearch],
  );
  const state = useAppState(api, onMenu);
  useImportPipeline(api);
  const dragging = useDropAndPaste(api);
  const counts = useViewCounts();
  const index = useSearchIndex();
  const { results: search, loadMore } = useSearchResults(index.client, query, index.revision, view);

  const onShellAction = useCallback(
    (action: ShortcutAction): boolean => {
      if (action === 'focus-search') {
        focusSearch();
        return true;
      }
      if (action === 'help') {
        setShowShortcuts(true);
        return true;
      }
      if (action === 'settings') {
        setShowSettings(true);
        return true;
      }
      if (action === 'clear') {
        const active = document.activeElement;
        if (active === searchInput.current) {
          if (query !== '') setQuery('');
          else searchInput.current?.blur();
          return true;
        }
        if (
          active instanceof HTMLInputElement ||
          active instanceof HTMLTextAreaElement ||
          active instanceof HTMLSelectElement
        ) {
          active.blur();
          return true;
        }
        if (query !== '') {
          setQuery('');
          return true;
        }
        if (page !== null) {
          setPage(null);
          return true;
        }
        return false;
      }
      return false;
    },
    [focusSearch, query, page],
  );

  const libraryEmpty = counts !== undefined && counts.all === 0;
  const importsView = (
    <div className="main-pane">
      <ImportsView
        settings={state.settings}
        inbox={state.inbox}
        persistence={state.persistence}
        onOpenInbox={state.openInbox}
        onChooseInbox={state.chooseInbox}
      />
    </div>
  );

  return (
    <div className="app-shell">
      <header className="app-toolbar">
        <SidebarToggle />
        <span className="app-title">Paper Queue</span>
        <SearchBox
          ref={searchInput}
          value={query}
          onChange={setQuery}
          problems={search?.problems ?? NO_PROBLEMS}
        />
        <span className="spacer" />
        <ImportActivity />
        <button
          type="button"
          onClick={state.importFiles}
          disabled={state.busy}
          title="Import dumps (Ctrl/Cmd+O)"
        >
          Import…
        </button>
        <button
          type="button"
          className="icon-button toolbar-icon"
          onClick={() => setShowSettings(true)}
          aria-label="Settings"
          title="Settings (Ctrl/Cmd+,)"
        >
          ⚙
        </button>
        <button
          type="button"
          className="icon-button toolbar-icon"
          onClick={() => setShowShortcuts(true)}
          aria-label="Keyboard shortcuts"
          title="Keyboard shortcuts (?)"
        >
          ?
        </button>
      </header>
      {state.inbox?.state === 'error' ? (
        <div className="status-banner" data-kind="error" role="alert" data-testid="inbox-error">
          {state.inbox.message}{' '}
          <button type="button" className="link" onClick={state.chooseInbox}>
            Choose another folder…
          </button>
        </div>
      ) : null}
      <LibraryWorkspace
        api={api}
        counts={counts}
        view={view}
        onViewChange={(next) => {
          setView(next);
          setPage(null);
        }}
        search={search}
        onLoadMoreMatches={loadMore}
        sidebarExtra={{
          showing: page,
          onShowImports: () => setPage('imports'),
          onShowInsights: () => setPage('insights'),
        }}
        onShellAction={onShellAction}
        mainPane={
          page === 'imports' ? (
            importsView
          ) : page === 'insights' ? (
            <div className="main-pane">
              <InsightsView />
            </div>
          ) : libraryEmpty ? (
            <div className="main-pane">
              <EmptyState
                settings={state.settings}
                busy={state.busy}
                onLoadSamples={state.loadSamples}
                onImportFiles={state.importFiles}
                onOpenInbox={state.openInbox}
              />
            </div>
          ) : null
        }
      />
      {showShortcuts ? <ShortcutsDialog onClose={() => setShowShortcuts(false)} /> : null}
      {showSettings ? (
        <SettingsDialog
          inboxFolder={state.settings?.inboxFolder ?? null}
          onChooseInbox={state.chooseInbox}
          onClose={() => setShowSettings(false)}
        />
      ) : null}
      <BackupCenter api={api} />
      {dragging ? <div className="drop-overlay">Drop listing dumps to import them</div> : null}
    </div>
  );
}
