import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildPaperQueueApi } from '../shared/api-builder';
import { API_GLOBAL_NAME } from '../shared/ipc-contract';

/**
 * The sandboxed preload: exposes exactly one object, `window.paperQueue`, built from the IPC
 * contract. The renderer never sees ipcRenderer, process or any Node API.
 */
const api = buildPaperQueueApi(
  (channel, payload) => ipcRenderer.invoke(channel, payload),
  (channel, listener) => {
    const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
);

contextBridge.exposeInMainWorld(API_GLOBAL_NAME, api);
