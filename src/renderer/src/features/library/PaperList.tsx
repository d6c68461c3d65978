import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { PaperRow, TagRecord } from '../../db';
import type { SearchHit } from '../../search/search-types';
import { PaperListRow } from './PaperListRow';

/** Props of the virtualised paper list. */
export interface PaperListProps {
  readonly rows: readonly PaperRow[];
  readonly selection: ReadonlySet<string>;
  readonly focusedId: string | null;
  readonly hits: ReadonlyMap<string, SearchHit> | null;
  readonly tagsById: ReadonlyMap<string, TagRecord>;
  readonly showStatus: boolean;
  readonly queueMode: boolean;
  readonly emptyMessage: string;
  /** Changing it (a new view or query) scrolls the list back to the top. */
  readonly resetScrollKey: string;
  readonly onRowClick: (event: React.MouseEvent, id: string) => void;
  readonly onReorder: (id: string, targetIndex: number) => void;
}

/** Row heights (px) before a row is measured: one title line, a second one, the metadata line. */
const TITLE_LINE = 20;
const META_LINE = 20;
const ROW_PADDING = 18;
/** Average title character width (px) for guessing which titles wrap before measuring. */
const CHAR_WIDTH = 7.4;

/**
 * The list of papers, virtualised so only the visible rows (plus a small overscan) are in the DOM:
 * 50k papers scroll as smoothly as 50. Rows are as tall as their content (a title wraps to two
 * lines; a row without metadata has no second line), measured as they render. The focused row is
 * kept scrolled into view.
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
  // The virtualiser estimates every row whenever the list changes (50k calls): keep it cheap.
  const charsPerLine = Math.max(20, (width - 24) / CHAR_WIDTH);
  const estimateSize = useCallback(
    (index: number): number => {
      const row = rows[index];
      if (!row) return TITLE_LINE + ROW_PADDING;
      // Most rows have a metadata line; the few without are measured shorter once shown.
      return TITLE_LINE * (row.title.length > charsPerLine ? 2 : 1) + META_LINE + ROW_PADDING;
    },
    [rows, charsPerLine],
  );
  const getItemKey = useCallback((index: number) => rows[index]?.id ?? index, [rows]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize,
    overscan: 8,
    getItemKey,
  });
  // Scroll to the focused paper when the focus moves (J/K, triage), not when the list merely
  // changes around it; a new search or view starts at the top instead.
  const focusedIndex =
    props.focusedId === null ? -1 : rows.findIndex((row) => row.id === props.focusedId);
  const lastFocused = useRef<string | null>(null);
  useEffect(() => {
    if (props.focusedId === lastFocused.current) return;
    lastFocused.current = props.focusedId;
    if (focusedIndex >= 0) virtualizer.scrollToIndex(focusedIndex, { align: 'auto' });
  }, [props.focusedId, focusedIndex, virtualizer]);
  useEffect(() => {
    virtualizer.scrollToOffset(0);
  }, [props.resetScrollKey, virtualizer]);

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
      <div className="paper-list-inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          return (
            <div
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              className="paper-row-slot"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <PaperListRow
                row={row}
                index={item.index}
                selected={props.selection.has(row.id)}
                focused={row.id === props.focusedId}
                hit={props.hits?.get(row.id)}
                tagsById={props.tagsById}
                showStatus={showStatus}
                nextUp={queueMode && item.index === 0}
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
