/**
 * Rendering of diagnostics in the conventional compiler style, which editors and terminals turn
 * into clickable locations.
 */
import type { ParseDiagnostic } from '../../../shared/paper';

/**
 * `file:line: message`, or `file: message` when the diagnostic concerns the whole file
 * (`line` null). The severity is not repeated: callers that need it read `d.severity`.
 * Invariant: a single line as long as `message` has no line break (parser messages never do).
 */
export function formatDiagnostic(file: string, d: ParseDiagnostic): string {
  return d.line === null ? `${file}: ${d.message}` : `${file}:${d.line}: ${d.message}`;
}
