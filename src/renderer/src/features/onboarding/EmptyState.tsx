import type { AppSettings } from '../../../../shared/settings';

/** Actions the first-run screen offers. */
export interface EmptyStateProps {
  readonly settings: AppSettings | null;
  readonly onLoadSamples: () => void;
  readonly onImportFiles: () => void;
  readonly onOpenInbox: () => void;
  readonly busy: boolean;
}

/** First-run screen: what the app does, the three ways to import, and the bundled samples. */
export function EmptyState(props: EmptyStateProps): React.JSX.Element {
  return (
    <section className="empty-state" aria-labelledby="empty-title" data-testid="empty-state">
      <h1 id="empty-title">Your reading queue is empty</h1>
      <p className="muted">
        Paper Queue turns saved copies of the Hugging Face “Daily Papers” page into a personal
        library you can triage, queue, tag, annotate and search. Everything stays on this computer.
      </p>
      <h2>Import a listing</h2>
      <ol>
        <li>
          Drop listing dumps (plain-text copies of the page) anywhere on this window, or paste
          copied listing text.
        </li>
        <li>
          Save dumps into your inbox folder
          {props.settings ? (
            <>
              {' '}
              <code data-testid="inbox-path">{props.settings.inboxFolder}</code>
            </>
          ) : null}
          : new files are imported automatically.
        </li>
        <li>Or choose files with File → Import Dumps… (Ctrl/Cmd+O).</li>
      </ol>
      <div className="actions">
        <button
          type="button"
          className="primary"
          onClick={props.onLoadSamples}
          disabled={props.busy}
        >
          Load sample dumps
        </button>
        <button type="button" onClick={props.onImportFiles} disabled={props.busy}>
          Import files…
        </button>
        <button type="button" onClick={props.onOpenInbox}>
          Open inbox folder
        </button>
      </div>
    </section>
  );
}
