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
}

/** The focused paper in full, or a hint on how to pick one. */
export function DetailPane(props: DetailPaneProps): React.JSX.Element {
  const { detail } = props;
  return (
    <section className="detail-pane" aria-label="Paper details">
      {detail ? (
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
      )}
    </section>
  );
}
