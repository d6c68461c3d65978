import { API_GLOBAL_NAME, type PaperQueueApi } from '../../../shared/ipc-contract';

declare global {
  interface Window {
    readonly paperQueue?: PaperQueueApi;
  }
}

/**
 * The preload's API object. The renderer reaches main only through this; when it is missing
 * (the page was opened outside the app) the app shows an explanation instead of failing later.
 */
export function getPaperQueueApi(): PaperQueueApi | null {
  return (window as unknown as Record<string, PaperQueueApi | undefined>)[API_GLOBAL_NAME] ?? null;
}
