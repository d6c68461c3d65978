/**
 * The message of a thrown value, for showing to a user or writing to a log. Anything can be
 * thrown in JavaScript; an `Error` gives its message, anything else its string form.
 */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
