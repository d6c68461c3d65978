import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
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

const ROW_HEIGHT = 62;

/**
 * The list of papers, virtualised so only the visible rows (plus a small overscan) are in the DOM:
 * 50k papers scroll as smoothly as 50. The focused row is kept scrolled into view.
 */
export function PaperList(props: PaperListProps): React.JSX.Element {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: props.rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => props.rows[index]?.id ?? index,
  });
  // Scroll to the focused paper when the focus moves (J/K, triage), not when the list merely
  // changes around it; a new search or view starts at the top instead.
  const focusedIndex =
    props.focusedId === null ? -1 : props.rows.findIndex((row) => row.id === props.focusedId);
  const lastFocused = useRef<string | null>(null);
  useEffect(() => {
    if (props.focusedId === lastFocused.current) return;
    lastFocused.current = props.focusedId;
    if (focusedIndex >= 0) virtualizer.scrollToIndex(focusedIndex, { align: 'auto' });
  }, [props.focusedId, focusedIndex, virtualizer]);
  useEffect(() => {
    virtualizer.scrollToOffset(0);
  }, [props.resetScrollKey, virtualizer]);

  if (props.rows.length === 0) {
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
          const row = props.rows[item.index];
          if (!row) return null;
          return (
            <div
              key={item.key}
              className="paper-row-slot"
              style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
            >
              <PaperListRow
                row={row}
                index={item.index}
                selected={props.selection.has(row.id)}
                focused={row.id === props.focusedId}
                hit={props.hits?.get(row.id)}
                tagsById={props.tagsById}
                showStatus={props.showStatus}
                nextUp={props.queueMode && item.index === 0}
                draggable={props.queueMode && props.hits === null}
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
