/** A real main-side BackupService over a temporary folder, reached through a PaperQueueApi. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { BackupService } from '../../../src/main/core/backup/backup-service';
import { buildPaperQueueApi } from '../../../src/shared/api-builder';
import type { InvokeChannel, PaperQueueApi } from '../../../src/shared/ipc-contract';
import { REQUEST_VALIDATORS } from '../../../src/shared/ipc-contract';

/** Scripted dialog answers. */
export interface Dialogs {
  savePath: string | null;
  backupFile: string | null;
  exportFolder: string | null;
}

export interface BackupHarness {
  readonly root: string;
  readonly userData: string;
  readonly service: BackupService;
  readonly api: PaperQueueApi;
  readonly dialogs: Dialogs;
  readonly revealed: string[];
}

const open: BackupHarness[] = [];

afterEach(async () => {
  for (const harness of open.splice(0)) {
    await harness.service.dispose();
    await rm(harness.root, { recursive: true, force: true });
  }
});

/** Starts a service; every call goes through the contract's validators like real IPC. */
export async function startBackupHarness(): Promise<BackupHarness> {
  const root = await mkdtemp(join(tmpdir(), 'pq-backup-'));
  const userData = join(root, 'user-data');
  const dialogs: Dialogs = { savePath: null, backupFile: null, exportFolder: null };
  const revealed: string[] = [];
  const service = new BackupService({
    userDataFolder: userData,
    appLabel: 'Paper Queue test',
    dialogs: {
      chooseSavePath: async () => dialogs.savePath,
      chooseBackupFile: async () => dialogs.backupFile,
      chooseExportFolder: async () => dialogs.exportFolder,
    },
    revealFolder: async (path) => {
      revealed.push(path);
    },
  });
  const handlers = service.handlers as unknown as Record<string, (payload: unknown) => unknown>;
  const api = buildPaperQueueApi(
    async (channel: InvokeChannel, payload: unknown) => {
      const validate = REQUEST_VALIDATORS[channel] as (value: unknown) => boolean;
      if (!validate(payload)) throw new Error(`invalid payload for ${channel}`);
      const handler = handlers[channel];
      if (!handler) throw new Error(`no handler for ${channel}`);
      return handler(payload);
    },
    () => () => undefined,
  );
  const harness = { root, userData, service, api, dialogs, revealed };
  open.push(harness);
  return harness;
}
