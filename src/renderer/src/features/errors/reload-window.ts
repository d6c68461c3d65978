/** Reloads the window: the way out of a failed render or a library closed by another window. */
export function reloadWindow(): void {
  window.location.reload();
}
