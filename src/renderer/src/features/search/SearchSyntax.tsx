/** What the search box understands, one line per form; shown in its ⓘ popover and the `?` dialog. */
export const SEARCH_SYNTAX: readonly { readonly example: string; readonly meaning: string }[] = [
  {
    example: 'sparse atention',
    meaning: 'papers with every word (typos and the word being typed are fine)',
  },
  { example: '"large language models"', meaning: 'the exact phrase' },
  { example: '-video', meaning: 'without this word' },
  { example: 'tag:ml  tag:"deep learning"', meaning: 'papers carrying the tag' },
  { example: 'status:queued', meaning: 'inbox, queued, reading, read or dismissed' },
  { example: 'org:google', meaning: 'organisation contains the text' },
  { example: 'year:2024  year:2023..2025', meaning: 'published in a year or a range' },
  { example: 'is:noted  is:tagged', meaning: 'papers with a note, with any tag' },
  { example: 'c++  how to', meaning: 'only short or common words: found literally in titles' },
];

/** The search syntax as a table. */
export function SearchSyntax(): React.JSX.Element {
  return (
    <table className="shortcut-table search-syntax">
      <tbody>
        {SEARCH_SYNTAX.map(({ example, meaning }) => (
          <tr key={example}>
            <td>
              <code>{example}</code>
            </td>
            <td>{meaning}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
