/**
 * Web Worker entry: formats one note at a time and answers what it cost (`measureFormatting`).
 * Started by `FormatChecker` (format-checker.ts), which ends it when it takes too long.
 */
import { measureFormatting, WARM_UP_NOTE, type FormatMeasure } from './preview-budget';

/** The parts of the dedicated worker global scope used here. */
interface WorkerScope {
  postMessage(message: FormatMeasure): void;
  onmessage: ((event: MessageEvent<string>) => void) | null;
}

const scope = globalThis as unknown as WorkerScope;
measureFormatting(WARM_UP_NOTE);
scope.onmessage = (event) => scope.postMessage(measureFormatting(event.data));
