import { useState } from 'react';
import type { ExportFormat } from '../../../../shared/backup-types';
import { errorMessage } from '../../../../shared/error-message';
import type { PaperQueueApi } from '../../../../shared/ipc-contract';
import { getLibrary, useViewCounts } from '../../db';
import { showToast } from '../toasts/toast-store';
import { exportPapers } from './export/export-runner';
import { getExportScope } from './export/export-scope';
import { localDay, plural } from './format';
import { useModal } from './use-modal';

type Scope = 'all' | 'view' | 'selection';

const FORMATS: readonly { readonly value: ExportFormat; readonly label: string }[] = [
  { value: 'markdown', label: 'Markdown (for note-taking apps)' },
  { value: 'csv', label: 'CSV (spreadsheets)' },
  { value: 'bibtex', label: 'BibTeX (Zotero, LaTeX)' },
  { value: 'csl-json', label: 'CSL-JSON (Zotero, Pandoc)' },
];

/** Export all papers, the current view or the selection as Markdown, CSV, BibTeX or CSL-JSON. */
export function ExportDialog(props: {
  readonly api: PaperQueueApi;
  readonly onClose: () => void;
}): React.JSX.Element {
  const dialog = useModal();
  const [scopeAtOpen] = useState(getExportScope);
  const all = useViewCounts()?.all ?? 0;
  const [format, setFormat] = useState<ExportFormat>('markdown');
  const [perTag, setPerTag] = useState(false);
  const [scope, setScope] = useState<Scope>(
    scopeAtOpen.selectedIds.length > 1 ? 'selection' : 'all',
  );
  const [busy, setBusy] = useState(false);
  const counts: Record<Scope, number> = {
    all,
    view: scopeAtOpen.visibleIds.length,
    selection: scopeAtOpen.selectedIds.length,
  };
  const run = (): void => {
    const ids =
      scope === 'all' ? null : scope === 'view' ? scopeAtOpen.visibleIds : scopeAtOpen.selectedIds;
    const toastId = showToast({ kind: 'info', title: 'Exporting…', progress: 0 });
    setBusy(true);
    exportPapers(
      props.api,
      getLibrary(),
      { format, perTag, ids, name: `Paper Queue export ${localDay(new Date())}` },
      (done) =>
        showToast(
          { kind: 'info', title: 'Exporting…', progress: done / Math.max(1, counts[scope]) },
          toastId,
        ),
    ).then(
      (result) => {
        if (result === null) showToast({ kind: 'info', title: 'Export cancelled' }, toastId);
        else
          showToast(
            {
              kind: 'success',
              title: `Exported ${plural(counts[scope], 'paper')}`,
              detail: result.path,
            },
            toastId,
          );
        props.onClose();
      },
      (error: unknown) => {
        setBusy(false);
        showToast(
          {
            kind: 'error',
            title: 'Could not export',
            detail: `${errorMessage(error)} Nothing was written.`,
          },
          toastId,
        );
      },
    );
  };
  return (
    <dialog
      ref={dialog}
      className="modal backup-dialog"
      aria-labelledby="export-title"
      data-testid="export-dialog"
      onClose={props.onClose}
      onCancel={props.onClose}
    >
      <h2 id="export-title">Export papers</h2>
      <div className="export-form">
        <label htmlFor="export-format">Format</label>
        <select
          id="export-format"
          value={format}
          onChange={(event) => setFormat(event.target.value as ExportFormat)}
        >
          {FORMATS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        {format === 'markdown' ? (
          <>
            <label htmlFor="export-layout">Files</label>
            <select
              id="export-layout"
              value={perTag ? 'tag' : 'paper'}
              onChange={(event) => setPerTag(event.target.value === 'tag')}
            >
              <option value="paper">One file per paper</option>
              <option value="tag">One file per tag</option>
            </select>
          </>
        ) : null}
        <label htmlFor="export-scope">Papers</label>
        <select
          id="export-scope"
          value={scope}
          onChange={(event) => setScope(event.target.value as Scope)}
        >
          <option value="all">All papers ({counts.all})</option>
          <option value="view" disabled={counts.view === 0}>
            Current view: {scopeAtOpen.viewLabel} ({counts.view})
          </option>
          <option value="selection" disabled={counts.selection === 0}>
            Selection ({counts.selection})
          </option>
        </select>
      </div>
      <p className="muted">
        {format === 'markdown'
          ? 'Paper Queue creates a new folder in the folder you choose.'
          : 'You choose where the file is saved.'}
      </p>
      <div className="modal-actions">
        <span className="spacer" />
        <button type="button" onClick={props.onClose} disabled={busy}>
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          onClick={run}
          disabled={busy || counts[scope] === 0}
        >
          Export…
        </button>
      </div>
    </dialog>
  );
}
