import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createBackend, type Backend, type BackendOptions } from '../../../src/main/core/backend';
import type {
  ImportBatch,
  ImportRunProgress,
  ImportSegment,
  InboxStatus,
} from '../../../src/shared/import-types';
import type { EventChannel, EventContract } from '../../../src/shared/ipc-contract';

/** An event the backend sent to the (fake) renderer. */
export type SentEvent = {
  [E in EventChannel]: { channel: E; payload: EventContract[E] };
}[EventChannel];

/** A backend wired to a fake renderer that records events and acknowledges batches on demand. */
export interface BackendHarness {
  readonly backend: Backend;
  readonly root: string;
  readonly inbox: string;
  readonly userData: string;
  readonly events: SentEvent[];
  batches(): ImportBatch[];
  /** Every segment sent, in order. */
  segments(): ImportSegment[];
  /** Every run progress message sent, in order. */
  progress(): ImportRunProgress[];
  /** The finished runs, in order. */
  finishedRuns(): ImportRunProgress[];
  /** Tells the backend a renderer holding `libraryId` (with `papers` papers) is ready. */
  ready(libraryId?: string, papers?: number): Promise<InboxStatus>;
  /** Acknowledges batch `batch` (counting every paper as added). */
  ack(batch: ImportBatch): void;
  /** When true (default) every batch is acknowledged right after it is sent. */
  autoAck: boolean;
  /** What the next folder dialog answers (null: cancelled). */
  nextFolder: string | null;
  restart(): Promise<BackendHarness>;
  dispose(): Promise<void>;
}

export const FIXTURES = resolve('tests/fixtures');

/** Options of a harness: the backend's tuning plus the root folder (to simulate a restart). */
export interface HarnessOptions extends BackendOptions {
  readonly root?: string;
  readonly autoAck?: boolean;
}

/** Starts a backend over fresh temporary folders (or the given root, to simulate a restart). */
export async function startBackend(options: HarnessOptions = {}): Promise<BackendHarness> {
  const root = options.root ?? (await mkdtemp(join(tmpdir(), 'pq-backend-')));
  const inbox = join(root, 'inbox');
  const userData = join(root, 'user-data');
  const events: SentEvent[] = [];
  const batches = (): ImportBatch[] =>
    events.flatMap((event) => (event.channel === 'import:batch' ? [event.payload] : []));
  const progress = (): ImportRunProgress[] =>
    events.flatMap((event) => (event.channel === 'import:progress' ? [event.payload] : []));
  const harness: BackendHarness = {
    root,
    inbox,
    userData,
    events,
    autoAck: options.autoAck ?? true,
    nextFolder: null,
    backend: undefined as unknown as Backend,
    batches,
    segments: () => batches().flatMap((batch) => batch.segments),
    progress,
    finishedRuns: () => progress().filter((run) => run.finishedAt !== null),
    ready: (libraryId = 'library-1', papers = 0) =>
      harness.backend.handlers['renderer:ready']({ libraryId, papers }),
    ack: (batch) => {
      const added = batch.segments.reduce((sum, segment) => sum + segment.papers.length, 0);
      harness.backend.coordinator.acknowledge({
        streamId: batch.streamId,
        index: batch.index,
        counts: { added, updated: 0, unchanged: 0 },
      });
    },
    restart: async () => {
      await harness.backend.dispose();
      return startBackend({ ...options, root });
    },
    dispose: async () => {
      await harness.backend.dispose();
      await rm(root, { recursive: true, force: true });
    },
  };
  const backend = await createBackend(
    {
      appInfo: { name: 'Paper Queue', version: 'test', platform: 'test', userDataFolder: userData },
      samplesFolder: FIXTURES,
      send: (channel, payload) => {
        events.push({ channel, payload } as SentEvent);
        if (channel === 'import:batch' && harness.autoAck) {
          queueMicrotask(() => harness.ack(payload as ImportBatch));
        }
      },
      chooseFolder: async () => harness.nextFolder,
      pickDumpFiles: async () => [],
      revealFolder: async () => undefined,
      openExternal: async () => undefined,
      backupDialogs: {
        chooseSavePath: async () => null,
        chooseBackupFile: async () => null,
        chooseExportFolder: async () => null,
      },
    },
    { userDataFolder: userData, defaultInboxFolder: inbox },
    { batchSize: 1000, watchStabilityMs: 100, lingerMs: 50, progressIntervalMs: 0, ...options },
  );
  (harness as { backend: Backend }).backend = backend;
  return harness;
}

/** Polls until `check` returns true (file watching is asynchronous). */
export async function eventually(check: () => boolean, timeoutMs = 8000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolveTimer) => setTimeout(resolveTimer, 25));
  }
}

/** Resolves after `ms` milliseconds. */
export function pause(ms: number): Promise<void> {
  return new Promise((resolveTimer) => setTimeout(resolveTimer, ms));
}
