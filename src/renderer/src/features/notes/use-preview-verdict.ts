import { useEffect, useState } from 'react';
import { formatChecker } from './format-checker';
import type { PreviewVerdict } from './preview-budget';

/**
 * How to preview `markdown`: known at once for most notes; for long ones null until the worker
 * has answered (a fraction of a second, at most the checker's timeout).
 */
export function usePreviewVerdict(markdown: string): PreviewVerdict | null {
  const checker = formatChecker();
  const known = checker.known(markdown);
  const [checked, setChecked] = useState<{ text: string; verdict: PreviewVerdict } | null>(null);
  useEffect(() => {
    if (known) return undefined;
    let live = true;
    void checker.check(markdown).then((verdict) => {
      if (live) setChecked({ text: markdown, verdict });
    });
    return () => {
      live = false;
    };
  }, [checker, known, markdown]);
  if (known) return known;
  return checked?.text === markdown ? checked.verdict : null;
}
