import type { RecommendClient } from '../../recommend/recommend-client';
import { tagPapers } from '../library/library-actions';
import { useRecommendAnswer } from './recommend-context';

function askTags(client: RecommendClient, id: string) {
  return client.suggestTags(id, 3);
}

/** Tags whose papers `paperId` resembles, each added with one click. Nothing when none fit. */
export function TagSuggestions(props: { readonly paperId: string }): React.JSX.Element | null {
  const suggestions = useRecommendAnswer(props.paperId, askTags);
  if (suggestions === undefined || suggestions.length === 0) return null;
  return (
    <p className="tag-suggestions" data-testid="tag-suggestions">
      <span className="muted">Suggested: </span>
      {suggestions.map(({ tag, score }) => (
        <button
          key={tag}
          type="button"
          className="tag-suggestion"
          title={`Add the tag “${tag}” (similarity ${score.toFixed(2)})`}
          aria-label={`Add suggested tag ${tag}`}
          onClick={() => void tagPapers([props.paperId], tag)}
        >
          + {tag}
        </button>
      ))}
    </p>
  );
}
