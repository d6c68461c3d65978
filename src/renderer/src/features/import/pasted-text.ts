/** How much of the pasted text a refusal quotes. */
const QUOTE_CHARS = 60;

/** What a listing looks like, for people who pasted something else. */
const LISTING_HINT =
  'A listing is a copy of the Hugging Face “Daily Papers” page: each paper’s title on one line and its abstract on the next (the full page copy adds the authors and date below).';

/**
 * The toast for pasted text that is not a listing: it quotes what was pasted instead of naming
 * the file the paste would have been saved as, and says what a listing looks like. `message` is
 * the refusal as main phrased it for `file` ("pasted-….txt has no listing entries …").
 */
export function pasteRefusal(
  text: string,
  file: string,
  message: string,
): { readonly title: string; readonly detail: string } {
  const reason = (message.startsWith(file) ? message.slice(file.length) : ` ${message}`).trim();
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const first = (lines[0] ?? '').trim();
  const quote = first.length > QUOTE_CHARS ? `${first.slice(0, QUOTE_CHARS)}…` : first;
  const count = `${lines.length} line${lines.length === 1 ? '' : 's'}`;
  return {
    title: 'Not imported: the pasted text is not a listing',
    detail: `What you pasted (${count}, starting “${quote}”) ${reason} ${LISTING_HINT}`,
  };
}
