import { useCallback, useLayoutEffect, useState } from 'react';

/** Below this width the list and the detail pane do not fit side by side (320 + 400 px). */
export const SPLIT_MIN_WIDTH = 720;

/** How the detail pane is shown: beside the list, or as a drawer over it. */
export type WorkspaceLayout = 'split' | 'drawer';

/** The detail drawer of narrow windows. */
export interface DetailDrawer {
  readonly layout: WorkspaceLayout;
  /** Whether the detail pane is on screen (always in the split layout). */
  readonly shown: boolean;
  readonly open: () => void;
  /** Closes the drawer; false when there was none open. */
  readonly close: () => boolean;
}

/**
 * Follows the width of the workspace element: wide enough, the list and the detail pane sit side
 * by side; narrower, the detail opens as a drawer over the list (on click or Enter) and Esc closes
 * it. Measured before paint, so a narrow window never flashes the split layout.
 */
export function useDetailDrawer(
  workspace: React.RefObject<HTMLElement | null>,
  hasFocus: boolean,
): DetailDrawer {
  const [layout, setLayout] = useState<WorkspaceLayout>('split');
  const [open, setOpen] = useState(false);
  useLayoutEffect(() => {
    const element = workspace.current;
    if (!element) return undefined;
    const measure = (): void =>
      setLayout(element.getBoundingClientRect().width >= SPLIT_MIN_WIDTH ? 'split' : 'drawer');
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [workspace]);
  const shown = layout === 'split' || (open && hasFocus);
  const close = useCallback((): boolean => {
    if (layout === 'split' || !open) return false;
    setOpen(false);
    return true;
  }, [layout, open]);
  const openDrawer = useCallback(() => setOpen(true), []);
  return { layout, shown, open: openDrawer, close };
}
