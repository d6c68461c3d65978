import { forwardRef, useState } from 'react';
import type { QueryProblem } from '../../../../shared/search/search-types';
import { SearchSyntax } from './SearchSyntax';
import { noteKeystroke } from './use-search-results';

/** Props of the toolbar search field. */
export interface SearchBoxProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** Parts of the query that were not understood, each with an optional corrected query. */
  readonly problems: readonly QueryProblem[];
}

/**
 * The toolbar search field: words plus `tag:`, `status:`, `org:`, `year:` and `is:` filters.
 * Problems show under it with a one-click fix; the (i) button opens the syntax.
 */
export const SearchBox = forwardRef<HTMLInputElement, SearchBoxProps>(function SearchBox(
  { value, onChange, problems },
  ref,
) {
  const [help, setHelp] = useState(false);
  return (
    <div className="search-field">
      <input
        ref={ref}
        type="search"
        className="search-box"
        value={value}
        placeholder="Search titles, abstracts, tags, notes…  (/)"
        aria-label="Search papers"
        aria-invalid={problems.length > 0}
        spellCheck={false}
        onChange={(event) => {
          noteKeystroke(event.timeStamp);
          onChange(event.target.value);
        }}
      />
      <button
        type="button"
        className="icon-button search-help-button"
        aria-label="Search help"
        aria-expanded={help}
        title="Search syntax"
        onClick={() => setHelp((shown) => !shown)}
      >
        i
      </button>
      {help ? (
        <div className="search-popover" role="dialog" aria-label="Search syntax">
          <SearchSyntax />
        </div>
      ) : null}
      {problems.length > 0 && !help ? (
        <ul className="search-popover search-problems" data-testid="search-problems">
          {problems.map((problem) => (
            <li key={problem.token}>
              <span>{problem.message}</span>
              {problem.suggestion === null ? null : (
                <button
                  type="button"
                  className="link"
                  onClick={() => onChange(problem.suggestion ?? value)}
                >
                  Use “{problem.suggestion}”
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
});
