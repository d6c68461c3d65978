import { useEffect, useState } from 'react';
import type { PaperQueueApi } from '../../../../shared/ipc-contract';
import { showToast } from '../toasts/toast-store';
import { pasteRefusal } from './pasted-text';
import { droppedData, readInParts } from './read-dropped-data';
import { errorMessage } from '../../../../shared/error-message';

function isEditable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable ||
      target instanceof HTMLInputElement ||
      target instanceof HTMLTextAreaElement)
  );
}

function carriesImportable(event: DragEvent): boolean {
  const types = event.dataTransfer?.types ?? [];
  return types.includes('Files') || types.includes('text/plain');
}

/**
 * Hands dropped data to main, a large drop in several requests (main keeps them one run, with one
 * progress indicator and one summary); refusals come back with the run's summary.
 */
async function importTransfer(api: PaperQueueApi, transfer: DataTransfer): Promise<void> {
  const data = droppedData(transfer);
  for (const name of data.oversized) {
    showToast({
      kind: 'error',
      title: `Not imported: ${name}`,
      detail: 'The file is larger than 64 MB; listing dumps are much smaller.',
    });
  }
  if (data.files.length > 0) {
    // The next part is read and sent while main copies the previous one (it keeps their order).
    const sent: Promise<unknown>[] = [];
    for await (const part of readInParts(data.files)) {
      const request = api.importFiles(part);
      // Awaited in order below; this keeps a later part's failure from counting as unhandled.
      request.catch(() => undefined);
      sent.push(request);
      if (sent.length >= 2) await sent.shift();
    }
    await Promise.all(sent);
  } else if (data.text !== null) await api.importText(data.text);
}

/**
 * Window-wide import by drag-and-drop (files or text) and by pasting a copied listing anywhere
 * outside a text field. Returns whether something importable is being dragged over the window.
 */
export function useDropAndPaste(api: PaperQueueApi): boolean {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    let depth = 0;
    const fail = (error: unknown): void => {
      showToast({
        kind: 'error',
        title: 'Import failed',
        detail: errorMessage(error),
      });
    };
    const onDragEnter = (event: DragEvent): void => {
      if (!carriesImportable(event) || isEditable(event.target)) return;
      event.preventDefault();
      depth += 1;
      setDragging(true);
    };
    const onDragOver = (event: DragEvent): void => {
      if (!carriesImportable(event) || isEditable(event.target)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onDragLeave = (): void => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDrop = (event: DragEvent): void => {
      depth = 0;
      setDragging(false);
      if (!event.dataTransfer || isEditable(event.target) || !carriesImportable(event)) return;
      event.preventDefault();
      importTransfer(api, event.dataTransfer).catch(fail);
    };
    const onPaste = (event: ClipboardEvent): void => {
      if (isEditable(event.target) || !event.clipboardData) return;
      const text = event.clipboardData.getData('text/plain');
      if (text.trim().length === 0) return;
      event.preventDefault();
      api
        .importText(text)
        .then(({ refused }) => {
          for (const { file, message } of refused)
            showToast({ kind: 'error', ...pasteRefusal(text, file, message) });
        })
        .catch(fail);
    };
    window.addEventListener('dragenter', onDragEnter);
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('drop', onDrop);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('dragenter', onDragEnter);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('drop', onDrop);
      document.removeEventListener('paste', onPaste);
    };
  }, [api]);
  return dragging;
}
