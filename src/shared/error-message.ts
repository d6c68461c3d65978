/**
 * The message of a thrown value, for showing to a user or writing to a log. Anything can be
 * thrown in JavaScript; an `Error` gives its message, anything else its string form. The prefix
 * Electron adds to errors thrown by main-process handlers ("Error invoking remote method 'x':
 * Error: …") is removed, so a message written for the user reaches them as written.
 */
export function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^Error invoking remote method '[^']*': (?:\w*Error: )?/, '');
}
