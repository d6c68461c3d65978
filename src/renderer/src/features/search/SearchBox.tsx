import { forwardRef } from 'react';

/** The toolbar search field: fuzzy words plus `tag:`, `status:`, `org:` and `year:` filters. */
export const SearchBox = forwardRef<
  HTMLInputElement,
  { readonly value: string; readonly onChange: (value: string) => void }
>(function SearchBox({ value, onChange }, ref) {
  return (
    <input
      ref={ref}
      type="search"
      className="search-box"
      value={value}
      placeholder="Search titles, abstracts, tags, notes…  (/)"
      aria-label="Search papers"
      title="Typos are fine. Filters: tag:name status:queued org:name year:2024 or year:2023..2025"
      spellCheck={false}
      onChange={(event) => onChange(event.target.value)}
    />
  );
});
