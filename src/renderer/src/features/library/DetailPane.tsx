import { memo, useLayoutEffect, useRef } from 'react';
import type { PaperDetail as PaperDetailData, TagCount, TagRecord } from '../../db';
import type { SearchResults } from '../search/use-search-results';
import { PaperDetail } from './PaperDetail';

/** Props of the detail pane. */
export interface DetailPaneProps {
  readonly detail: PaperDetailData | null | undefined;
  readonly hasRows: boolean;
  readonly search: SearchResults | null;
  readonly tags: readonly TagCount[];
  readonly tagsById: ReadonlyMap<string, TagRecord>;
  readonly tagEditRequest: number;
  readonly noteEditRequest: number;
  readonly onOpenLink: (url: string) => void;
  /** Closes the pane when it is a drawer over the list (narrow windows); null beside the list. */
  readonly onClose: (() => void) | null;
}

/**
 * The focused paper in full, or a hint on how to pick one. A newly shown paper always starts at
 * its title (the pane's scroll position is not carried over from the previous paper).
 */
export const DetailPane = memo(function DetailPane(props: DetailPaneProps): React.JSX.Element {
  const { detail, onClose } = props;
  const pane = useRef<HTMLElement>(null);
  const paperId = detail?.paper.id ?? null;
  useLayoutEffect(() => {
    if (pane.current) pane.current.scrollTop = 0;
  }, [paperId]);
  const content = detail ? (
    <PaperDetail
      detail={detail}
      tagsById={props.tagsById}
      allTags={props.tags}
      hit={props.search?.hits.get(detail.paper.id)}
      tagEditRequest={props.tagEditRequest}
      noteEditRequest={props.noteEditRequest}
      onOpenLink={props.onOpenLink}
    />
  ) : (
    <p className="pane-placeholder">
      {props.hasRows ? 'Select a paper (J/K to move, ? for all shortcuts).' : ''}
    </p>
  );
  if (!onClose) {
    return (
      <section ref={pane} className="detail-pane" aria-label="Paper details">
        {content}
      </section>
    );
  }
  return (
    <>
      <div className="drawer-backdrop" aria-hidden="true" onClick={onClose} />
      <section
        ref={pane}
        className="detail-pane drawer"
        aria-label="Paper details"
        data-testid="detail-drawer"
      >
        <button
          type="button"
          className="icon-button drawer-close"
          aria-label="Close the paper (Esc)"
          title="Close (Esc)"
          onClick={onClose}
        >
          ✕
        </button>
        {content}
      </section>
    </>
  );
});
