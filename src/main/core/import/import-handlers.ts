import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { HandlersFor } from '../ipc-dispatch';
import type { ImportCoordinator } from './import-coordinator';
import type { Intake } from './intake';

/** The requests that bring dumps in (dialog, drop, paste, samples) and the renderer's answers. */
type ImportChannel =
  | 'import:pick-files'
  | 'import:files'
  | 'import:text'
  | 'import:samples'
  | 'import:ack'
  | 'import:fail';

/** What the import requests need from the backend and its host. */
export interface ImportHandlerDeps {
  readonly intake: Intake;
  readonly coordinator: ImportCoordinator;
  /** Folder holding the bundled sample dumps (`.txt`). */
  readonly samplesFolder: string;
  /** Asks the user for dump files; empty when cancelled. */
  pickDumpFiles(): Promise<readonly string[]>;
}

/**
 * Handlers of the import requests. Every way in goes through `Intake` (size caps, dedupe, the
 * journal) and then the coordinator, so a dump imports the same whichever way it came.
 */
export function importHandlers(deps: ImportHandlerDeps): HandlersFor<ImportChannel> {
  const { intake, coordinator } = deps;
  return {
    'import:pick-files': async () => {
      const { files, unreadable } = await intake.readFiles(await deps.pickDumpFiles());
      return intake.acceptAll(files, 'dialog', unreadable);
    },
    'import:files': async (files) => intake.acceptAll(files, 'drop'),
    'import:text': async (text) => {
      const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
      const bytes = new TextEncoder().encode(text);
      return intake.acceptAll([{ name: `pasted-${stamp}.txt`, bytes }], 'paste');
    },
    'import:samples': async () => {
      const names = (await readdir(deps.samplesFolder))
        .filter((name) => name.endsWith('.txt'))
        .sort();
      const paths = names.map((name) => join(deps.samplesFolder, name));
      const { files, unreadable } = await intake.readFiles(paths);
      return intake.acceptAll(files, 'samples', unreadable);
    },
    'import:ack': async (ack) => {
      coordinator.acknowledge(ack);
      return null;
    },
    'import:fail': async (failure) => {
      coordinator.fail(failure);
      return null;
    },
  };
}
