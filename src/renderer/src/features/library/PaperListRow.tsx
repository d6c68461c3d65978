import { memo } from 'react';
import type { PaperRow, TagRecord } from '../../db';
import type { SearchHit } from '../../../../shared/search/search-types';
import { HighlightedText } from '../search/HighlightedText';
import { STATUS_LABELS } from './library-view';

/** Props of one list row. */
export interface PaperListRowProps {
  readonly row: PaperRow;
  readonly index: number;
  /** Lines the title is given (1 or 2); the row's height is computed from it. */
  readonly titleLines: 1 | 2;
  readonly selected: boolean;
  readonly focused: boolean;
  readonly hit: SearchHit | undefined;
  readonly tagsById: ReadonlyMap<string, TagRecord>;
  readonly showStatus: boolean;
  readonly nextUp: boolean;
  /** Why the For-you order put the paper here (its top terms), when that order is on. */
  readonly why: string | undefined;
  readonly draggable: boolean;
  readonly onClick: (event: React.MouseEvent, id: string) => void;
  readonly onDropOnto: (draggedId: string, targetIndex: number) => void;
}

export const DRAG_MIME = 'application/x-paper-queue-id';

function metaLine(row: PaperRow): string {
  const parts: string[] = [];
  if (row.organization) parts.push(row.organization);
  else if (row.authors !== null) parts.push(`${row.authors} author${row.authors === 1 ? '' : 's'}`);
  if (row.published) parts.push(row.published);
  if (row.upvotes !== null) parts.push(`▲ ${row.upvotes}`);
  if (row.readAt) parts.push(`read ${row.readAt.slice(0, 10)}`);
  return parts.join(' · ');
}

/** Whether a row has anything for its second line (otherwise the line is left out). */
export function rowHasMeta(row: PaperRow, showStatus: boolean, nextUp: boolean): boolean {
  return (
    showStatus ||
    nextUp ||
    row.hasNote ||
    row.tagIds.length > 0 ||
    Boolean(row.organization) ||
    row.authors !== null ||
    Boolean(row.published) ||
    row.upvotes !== null ||
    Boolean(row.readAt)
  );
}

/** One paper in the list: title (with search highlights), metadata, tags and status. */
export const PaperListRow = memo(function PaperListRow(
  props: PaperListRowProps,
): React.JSX.Element {
  const { row } = props;
  const meta = metaLine(row);
  const titleRanges = props.hit?.highlights.find(
    (highlight) => highlight.field === 'title',
  )?.ranges;
  return (
    <div
      role="option"
      aria-selected={props.selected}
      id={`paper-${row.id}`}
      data-testid="paper-row"
      data-paper-id={row.id}
      data-row-index={props.index}
      className={`paper-row${props.selected ? ' selected' : ''}${props.focused ? ' focused' : ''}`}
      onClick={(event) => props.onClick(event, row.id)}
      draggable={props.draggable}
      onDragStart={(event) => {
        event.dataTransfer.setData(DRAG_MIME, row.id);
        event.dataTransfer.effectAllowed = 'move';
      }}
      onDragOver={(event) => {
        if (props.draggable && event.dataTransfer.types.includes(DRAG_MIME)) {
          event.preventDefault();
          event.dataTransfer.dropEffect = 'move';
        }
      }}
      onDrop={(event) => {
        const dragged = event.dataTransfer.getData(DRAG_MIME);
        if (!props.draggable || !dragged) return;
        event.preventDefault();
        event.stopPropagation();
        props.onDropOnto(dragged, props.index);
      }}
    >
      <div className="paper-title" data-testid="paper-title" data-lines={props.titleLines}>
        {props.draggable ? <span className="queue-position">{props.index + 1}.</span> : null}
        <HighlightedText text={row.title} ranges={titleRanges} />
      </div>
      {rowHasMeta(row, props.showStatus, props.nextUp) || props.hit?.partial ? (
        <div className="paper-meta">
          {props.hit?.partial ? (
            <span
              className="badge partial-match"
              data-testid="partial-badge"
              title="Matches all but one of the words searched for"
            >
              Partial match
            </span>
          ) : null}
          {props.nextUp ? <span className="badge next-up">Next up</span> : null}
          {props.showStatus ? (
            <span className={`badge status-${row.status}`}>{STATUS_LABELS[row.status]}</span>
          ) : null}
          {meta ? <span className="muted">{meta}</span> : null}
          {props.why ? (
            <span className="muted for-you-why" data-testid="for-you-why">
              for you: {props.why}
            </span>
          ) : null}
          {row.hasNote ? (
            <span className="muted" title="Has a note">
              ✎
            </span>
          ) : null}
          {row.tagIds.map((tagId) => {
            const tag = props.tagsById.get(tagId);
            return tag ? (
              <span key={tagId} className="tag-chip" style={{ borderColor: tag.color }}>
                <span className="tag-dot" style={{ background: tag.color }} aria-hidden="true" />
                {tag.name}
              </span>
            ) : null;
          })}
        </div>
      ) : null}
      {props.hit?.snippet ? (
        <div className="paper-snippet muted" data-testid="paper-snippet">
          <HighlightedText text={props.hit.snippet.text} ranges={props.hit.snippet.ranges} />
        </div>
      ) : null}
    </div>
  );
});
