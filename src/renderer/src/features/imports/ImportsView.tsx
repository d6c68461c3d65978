import { useEffect, useMemo, useState } from 'react';
import type { AppSettings } from '../../../../shared/settings';
import type { InboxStatus } from '../../../../shared/import-types';
import {
  estimateStorage,
  useImports,
  type PersistenceAnswer,
  type StorageEstimateResult,
} from '../../db';
import { formatBytes } from './format-bytes';
import { isRunActive, useRunningImport } from '../import/import-progress';
import { groupImports } from './import-groups';
import { ImportRunItem } from './ImportRunItem';

/** Props: where the inbox is, its state, and the storage answer for the diagnostics block. */
export interface ImportsViewProps {
  readonly settings: AppSettings | null;
  readonly inbox: InboxStatus | null;
  readonly persistence: PersistenceAnswer | null;
  readonly onOpenInbox: () => void;
  readonly onChooseInbox: () => void;
}

const PERSISTENCE_TEXT: Readonly<Record<PersistenceAnswer, string>> = {
  granted: 'persistent (never evicted by the browser engine)',
  denied: 'best effort (the engine may evict it under storage pressure)',
  unsupported: 'unknown (persistence is not supported here)',
};

/**
 * Every past import, grouped by run (a drop, a scan…) with its files behind a disclosure, with
 * counts and diagnostics; plus inbox and storage diagnostics.
 */
export function ImportsView(props: ImportsViewProps): React.JSX.Element {
  const imports = useImports();
  // Re-rendered when a run starts or ends, so its files' "in progress" state follows.
  useRunningImport();
  const groups = useMemo(() => groupImports(imports ?? []), [imports]);
  const [storage, setStorage] = useState<StorageEstimateResult | null>(null);
  useEffect(() => {
    estimateStorage().then(setStorage, () => setStorage(null));
  }, [imports?.length]);
  return (
    <section className="imports-view" aria-labelledby="imports-title" data-testid="imports-view">
      <h1 id="imports-title">Import history</h1>
      <dl className="detail-meta">
        <dt>Inbox folder</dt>
        <dd>
          <code>{props.settings?.inboxFolder ?? '…'}</code>
          <span className="inline-actions">
            <button type="button" className="link" onClick={props.onOpenInbox}>
              Open
            </button>
            <button type="button" className="link" onClick={props.onChooseInbox}>
              Change…
            </button>
          </span>
        </dd>
        <dt>Watching</dt>
        <dd>
          {props.inbox?.state === 'watching'
            ? 'yes'
            : props.inbox?.state === 'error'
              ? props.inbox.message
              : 'starting…'}
        </dd>
        <dt>Storage</dt>
        <dd data-testid="storage-persistence">
          {props.persistence ? PERSISTENCE_TEXT[props.persistence] : 'checking…'}
        </dd>
        {storage ? (
          <>
            <dt>Used</dt>
            <dd>
              {formatBytes(storage.usage)} of {formatBytes(storage.quota)}
            </dd>
          </>
        ) : null}
      </dl>
      {imports && imports.length === 0 ? <p className="muted">Nothing imported yet.</p> : null}
      <ul className="import-list">
        {groups.map((group) => (
          <ImportRunItem key={group.runId} group={group} isActive={isRunActive} />
        ))}
      </ul>
    </section>
  );
}
