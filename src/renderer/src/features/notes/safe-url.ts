/**
 * The only link targets a note may carry: absolute http(s) and mailto URLs. Everything else
 * (javascript:, data:, file:, relative paths) is dropped, so a note can never run code or reach
 * local files even if its text was pasted from somewhere hostile.
 */
export function safeLinkUrl(url: string): string | null {
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' ||
      parsed.protocol === 'https:' ||
      parsed.protocol === 'mailto:'
      ? parsed.href
      : null;
  } catch {
    return null;
  }
}
