import { useRef } from 'react';
import { usePaperHighlights } from '../../db';
import { AbstractText } from './AbstractText';
import { HighlightComposer } from './HighlightComposer';
import { HighlightItem } from './HighlightItem';
import { placeHighlight, type PlacedHighlight } from './highlight-segments';
import { useAbstractSelection } from './use-abstract-selection';

/** Props: the paper and the search's matched ranges in its abstract. */
export interface AbstractSectionProps {
  readonly paperId: string;
  readonly abstract: string;
  readonly searchRanges: readonly (readonly [number, number])[] | undefined;
}

/**
 * The abstract with the user's highlights marked, the Highlight action for a selected passage,
 * and the list of highlights with their comments.
 */
export function AbstractSection(props: AbstractSectionProps): React.JSX.Element {
  const { paperId, abstract } = props;
  const highlights = usePaperHighlights(paperId) ?? [];
  const text = useRef<HTMLParagraphElement>(null);
  const selection = useAbstractSelection(text, abstract);
  const placed = new Map<string, PlacedHighlight>();
  for (const highlight of highlights) {
    const place = placeHighlight(abstract, highlight);
    if (place) placed.set(highlight.id, place);
  }
  return (
    <>
      <h2 className="section-label">Abstract</h2>
      <p ref={text} className="abstract" data-testid="detail-abstract">
        <AbstractText
          text={abstract}
          highlights={[...placed.values()]}
          searchRanges={props.searchRanges}
        />
      </p>
      {selection.pending ? (
        <HighlightComposer
          key={`${selection.pending.start}:${selection.pending.end}`}
          paperId={paperId}
          abstract={abstract}
          passage={selection.pending}
          onDone={selection.clear}
        />
      ) : abstract !== '' && highlights.length === 0 ? (
        <p className="muted highlight-hint">Select words of the abstract to highlight them (H).</p>
      ) : null}
      {highlights.length > 0 ? (
        <>
          <h2 className="section-label">Highlights</h2>
          <ul className="highlight-list" data-testid="highlight-list">
            {highlights.map((highlight) => (
              <HighlightItem
                key={highlight.id}
                highlight={highlight}
                placed={placed.has(highlight.id)}
              />
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
