import { Fragment } from 'react';
import { abstractPieces, type PlacedHighlight } from './highlight-segments';

/** Props: the abstract, the highlights placed in it and the search's matched ranges. */
export interface AbstractTextProps {
  readonly text: string;
  readonly highlights: readonly PlacedHighlight[];
  readonly searchRanges: readonly (readonly [number, number])[] | undefined;
}

/**
 * The abstract with the user's highlights (and, inside them, search matches) in <mark>
 * elements. Every piece is a React text node, so nothing in an abstract is ever read as HTML.
 */
export function AbstractText(props: AbstractTextProps): React.JSX.Element {
  const pieces = abstractPieces(props.text, props.highlights, props.searchRanges ?? []);
  return (
    <>
      {pieces.map((piece, index) => {
        const text = piece.match ? <mark>{piece.text}</mark> : piece.text;
        if (piece.highlights.length === 0) return <Fragment key={index}>{text}</Fragment>;
        const comments = piece.highlights
          .map((highlight) => highlight.comment)
          .filter((comment) => comment !== '');
        return (
          <mark
            key={index}
            className="user-highlight"
            data-testid="user-highlight"
            title={comments.length > 0 ? comments.join('\n') : undefined}
          >
            {text}
          </mark>
        );
      })}
    </>
  );
}
