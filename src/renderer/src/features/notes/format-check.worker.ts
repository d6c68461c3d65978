/**
 * Web Worker entry: warms up, says it is ready, then formats one note at a time and answers what
 * it cost (`measureFormatting`), with what the warm-up note cost just before as a measure of how
 * busy the machine is. Started by `FormatChecker` (format-checker.ts), which ends it when it takes
 * too long.
 */
import { measureFormatting, WARM_UP_NOTE, type FormatWorkerMessage } from './preview-budget';

/** The parts of the dedicated worker global scope used here. */
interface WorkerScope {
  postMessage(message: FormatWorkerMessage): void;
  onmessage: ((event: MessageEvent<string>) => void) | null;
}

const scope = globalThis as unknown as WorkerScope;
measureFormatting(WARM_UP_NOTE);
scope.onmessage = (event) => {
  const calibration = measureFormatting(WARM_UP_NOTE);
  const calibrationMs = calibration.ok ? calibration.ms : 0;
  scope.postMessage({ kind: 'measured', measure: measureFormatting(event.data), calibrationMs });
};
scope.postMessage({ kind: 'ready' });
