import { isExternalUrl } from '../../../../shared/ipc-validators';

/**
 * The only link targets a note may carry: absolute http(s) URLs and plain mailto links (the same
 * rule main applies before opening them). Everything else (javascript:, data:, file:, relative
 * paths, mailto links with extra fields such as `attach=`) is not a link, so a note can never run
 * code or reach local files even if its text was pasted from somewhere hostile, and no link is
 * shown that would then do nothing.
 */
export function safeLinkUrl(url: string): string | null {
  try {
    const { href } = new URL(url.trim());
    return isExternalUrl(href) ? href : null;
  } catch {
    return null;
  }
}
