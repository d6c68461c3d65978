import './recommend.css';
import { useEffect, useState } from 'react';
import { getLibrary, readPaperRows, type PaperRow } from '../../db';
import type { RecommendClient } from '../../recommend/recommend-client';
import { STATUS_LABELS } from '../library/library-view';
import { useRecommendAnswer, useRecommendContext } from './recommend-context';

const SIMILAR_COUNT = 10;

function askSimilar(client: RecommendClient, id: string) {
  return client.similar(id, SIMILAR_COUNT);
}

/** The rows of `ids`, in that order (papers gone meanwhile are left out). */
function usePaperRows(ids: readonly string[] | undefined): readonly PaperRow[] | undefined {
  const [rows, setRows] = useState<readonly PaperRow[] | undefined>(undefined);
  useEffect(() => {
    if (ids === undefined) return undefined;
    let live = true;
    readPaperRows(getLibrary(), ids).then(
      (found) => {
        if (live) setRows(ids.flatMap((id) => found.get(id) ?? []));
      },
      (error: unknown) => console.error('Could not read the similar papers', error),
    );
    return () => {
      live = false;
    };
  }, [ids]);
  return rows;
}

/** The papers most like `paperId` (tf-idf cosine), each with its status; a click opens one. */
export function SimilarPapers(props: { readonly paperId: string }): React.JSX.Element {
  const { openPaper } = useRecommendContext();
  const similar = useRecommendAnswer(props.paperId, askSimilar);
  const [ids, setIds] = useState<readonly string[] | undefined>(undefined);
  useEffect(() => setIds(similar?.map((paper) => paper.id)), [similar]);
  const rows = usePaperRows(ids);
  return (
    <>
      <h2 className="section-label">Similar papers</h2>
      {rows === undefined || similar === undefined ? (
        <p className="muted">Finding similar papers…</p>
      ) : rows.length === 0 ? (
        <p className="muted">No similar papers in the library.</p>
      ) : (
        <ul className="similar-list" data-testid="similar-papers">
          {rows.map((row) => (
            <li key={row.id}>
              <button type="button" className="link" onClick={() => openPaper(row.id)}>
                {row.title}
              </button>{' '}
              <span className="muted">· {STATUS_LABELS[row.status]}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
