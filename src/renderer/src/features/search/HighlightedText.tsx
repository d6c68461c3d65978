import { splitHighlights } from '../../../../shared/search/highlight';

/**
 * Renders text with matched ranges in <mark>. The text is always rendered as React text nodes,
 * never as HTML, so a title such as `<script>` shows literally.
 */
export function HighlightedText({
  text,
  ranges,
}: {
  readonly text: string;
  readonly ranges: readonly (readonly [number, number])[] | undefined;
}): React.JSX.Element {
  if (!ranges || ranges.length === 0) return <>{text}</>;
  return (
    <>
      {splitHighlights(
        text,
        ranges.map(([start, end]) => [start, end] as [number, number]),
      ).map((segment, index) =>
        segment.match ? (
          <mark key={index}>{segment.text}</mark>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </>
  );
}
