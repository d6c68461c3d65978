import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { PaperRow, TagRecord } from '../../db';
import type { SearchHit } from '../../../../shared/search/search-types';
import { usePreferences } from '../settings/preferences-store';
import { PaperListRow, rowHasMeta } from './PaperListRow';
import { titleLines } from './title-lines';
import { useRowWindow } from './use-row-window';

/** Props of the virtualised paper list. */
export interface PaperListProps {
  readonly rows: readonly PaperRow[];
  readonly selection: ReadonlySet<string>;
  readonly focusedId: string | null;
  readonly hits: ReadonlyMap<string, SearchHit> | null;
  /** For-you reasons by paper id, while that order is on. */
  readonly why: ReadonlyMap<string, string> | null;
  readonly tagsById: ReadonlyMap<string, TagRecord>;
  readonly showStatus: boolean;
  readonly queueMode: boolean;
  readonly emptyMessage: string;
  /** Changing it (a new view or query) scrolls the list back to the top. */
  readonly resetScrollKey: string;
  readonly onRowClick: (event: React.MouseEvent, id: string) => void;
  readonly onReorder: (id: string, targetIndex: number) => void;
  /** Called when rows near the end come into view (more search matches to load), or null. */
  readonly onNearEnd: (() => void) | null;
}

/** Rows before the end at which `onNearEnd` is called. */
const NEAR_END = 40;

/** Row geometry per density (px), matching app.css: padding, line heights, title font size. */
const GEOMETRY = {
  comfortable: { padY: 9, padX: 12, line: 20, meta: 20, font: 14 },
  compact: { padY: 5, padX: 10, line: 18, meta: 18, font: 13 },
} as const;
/** Rows rendered beyond each edge of the viewport. */
const OVERSCAN = 8;
/** Room taken by the queue position ("12.") before a title in the queue. */
const QUEUE_NUMBER_WIDTH = 32;

/**
 * The list of papers, virtualised so only the visible rows (plus a small overscan) are in the DOM:
 * 50k papers scroll as smoothly as 50. Rows are as tall as their content (a title wraps to two
 * lines; a row without metadata has no second line), computed rather than measured, so scrolling
 * never waits for layout. The focused row is kept scrolled into view.
 */
export function PaperList(props: PaperListProps): React.JSX.Element {
  const scroller = useRef<HTMLDivElement>(null);
  const { rows, queueMode, showStatus } = props;
  const [width, setWidth] = useState(480);
  const empty = rows.length === 0;
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return undefined;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, [empty]);
  const geometry = GEOMETRY[usePreferences().density];
  const font = `600 ${geometry.font}px ${getComputedStyle(document.body).fontFamily}`;
  const available = width - 2 * geometry.padX - (queueMode ? QUEUE_NUMBER_WIDTH : 0);
  const lines = useCallback(
    (row: PaperRow) => titleLines(row.title, available, font, geometry.font),
    [available, font, geometry.font],
  );
  // Called for every row whenever the list changes (50k calls): sizes are cached per row object
  // (a changed paper is a new object) for as long as the geometry stays the same.
  const sizeKey = `${String(available)}|${font}|${String(showStatus)}`;
  const { hits } = props;
  // Search hits change a row's height (partial badge, snippet line): a new search, new sizes.
  // Hits change row heights (partial badge, snippet line): each search starts a new cache.
  const sizes = useMemo(
    () => (sizeKey && hits !== undefined ? new WeakMap<PaperRow, number>() : null),
    [sizeKey, hits],
  );
  const estimateSize = useCallback(
    (index: number): number => {
      const row = rows[index];
      if (!row) return geometry.line + 2 * geometry.padY;
      const nextUp = queueMode && index === 0;
      let size = nextUp ? undefined : sizes?.get(row);
      if (size === undefined) {
        const hit = hits?.get(row.id);
        const meta = rowHasMeta(row, showStatus, nextUp) || hit?.partial === true;
        const snippet = hit?.snippet ? geometry.meta : 0;
        size =
          2 * geometry.padY + 1 + geometry.line * lines(row) + (meta ? geometry.meta : 0) + snippet;
        if (!nextUp) sizes?.set(row, size);
      }
      return size;
    },
    [rows, geometry, lines, showStatus, queueMode, sizes, hits],
  );
  const rowWindow = useRowWindow(scroller, rows.length, estimateSize, OVERSCAN);
  const lastShown = rowWindow.rows.at(-1)?.index ?? -1;
  const { onNearEnd } = props;
  useEffect(() => {
    if (onNearEnd !== null && rows.length > 0 && lastShown >= rows.length - NEAR_END) onNearEnd();
  }, [onNearEnd, lastShown, rows.length]);
  // Scroll to the focused paper when the focus moves (J/K, triage), not when the list merely
  // changes around it; a new search or view starts at the top instead.
  const focusedIndex =
    props.focusedId === null ? -1 : rows.findIndex((row) => row.id === props.focusedId);
  const lastFocused = useRef<string | null>(null);
  const { scrollToIndex, scrollToTop } = rowWindow;
  useEffect(() => {
    if (props.focusedId === lastFocused.current) return;
    lastFocused.current = props.focusedId;
    if (focusedIndex >= 0) scrollToIndex(focusedIndex);
  }, [props.focusedId, focusedIndex, scrollToIndex]);
  useEffect(() => {
    scrollToTop();
  }, [props.resetScrollKey, scrollToTop]);

  if (rows.length === 0) {
    return (
      <div className="list-empty muted" data-testid="list-empty">
        {props.emptyMessage}
      </div>
    );
  }
  return (
    <div
      ref={scroller}
      className="paper-list"
      role="listbox"
      aria-label="Papers"
      aria-multiselectable="true"
      aria-activedescendant={props.focusedId ? `paper-${props.focusedId}` : undefined}
      tabIndex={0}
      data-testid="paper-list"
    >
      <div className="paper-list-inner" style={{ height: rowWindow.totalHeight }}>
        {rowWindow.rows.map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          return (
            <div
              key={row.id}
              className="paper-row-slot"
              style={{ transform: `translateY(${item.start}px)`, height: item.size }}
            >
              <PaperListRow
                row={row}
                index={item.index}
                titleLines={lines(row)}
                selected={props.selection.has(row.id)}
                focused={row.id === props.focusedId}
                hit={props.hits?.get(row.id)}
                tagsById={props.tagsById}
                showStatus={showStatus}
                nextUp={queueMode && item.index === 0}
                why={props.why?.get(row.id)}
                draggable={queueMode && props.hits === null}
                onClick={props.onRowClick}
                onDropOnto={props.onReorder}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}
