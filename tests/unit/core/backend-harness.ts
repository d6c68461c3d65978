import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createBackend, type Backend } from '../../../src/main/core/backend';
import type { ImportBatch } from '../../../src/shared/import-types';
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
  /** When true (default) every batch is acknowledged right after it is sent. */
  autoAck: boolean;
  restart(): Promise<BackendHarness>;
  dispose(): Promise<void>;
}

export const FIXTURES = resolve('tests/fixtures');

/** Starts a backend over fresh temporary folders (or the given root, to simulate a restart). */
export async function startBackend(
  options: { root?: string; batchSize?: number; autoAck?: boolean } = {},
): Promise<BackendHarness> {
  const root = options.root ?? (await mkdtemp(join(tmpdir(), 'pq-backend-')));
  const inbox = join(root, 'inbox');
  const userData = join(root, 'user-data');
  const events: SentEvent[] = [];
  const harness: BackendHarness = {
    root,
    inbox,
    userData,
    events,
    autoAck: options.autoAck ?? true,
    backend: undefined as unknown as Backend,
    batches: () =>
      events.flatMap((event) => (event.channel === 'import:batch' ? [event.payload] : [])),
    restart: async () => {
      await harness.backend.dispose();
      return startBackend({ root, ...(options.batchSize ? { batchSize: options.batchSize } : {}) });
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
          const batch = payload as ImportBatch;
          queueMicrotask(() =>
            backend.coordinator.acknowledge({
              importId: batch.source.importId,
              index: batch.index,
              counts: { added: batch.papers.length, updated: 0, unchanged: 0 },
            }),
          );
        }
      },
      chooseFolder: async () => null,
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
    { batchSize: options.batchSize ?? 1000, watchStabilityMs: 100 },
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
