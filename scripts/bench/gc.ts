import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * `global.gc`, made available without restarting node with --expose-gc, so heap readings taken
 * after it measure live data rather than garbage not yet collected.
 */
export function collector(): () => void {
  setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('gc');
  return typeof gc === 'function' ? () => void gc() : () => undefined;
}
