import type { PaperDetail as PaperDetailData, TagCount, TagRecord } from '../../db';
import type { SearchHit } from '../../../../shared/search/search-types';
import { AbstractSection } from '../highlights/AbstractSection';
import { NoteEditor } from '../notes/NoteEditor';
import { SimilarPapers } from '../recommend/SimilarPapers';
import { TagSuggestions } from '../recommend/TagSuggestions';
import { HighlightedText } from '../search/HighlightedText';
import { TagEditor } from '../tags/TagEditor';
import { moveQueued } from './library-actions';
import { STATUS_LABELS } from './library-view';
import { StatusControls } from './StatusControls';

/** Props of the detail pane. */
export interface PaperDetailProps {
  readonly detail: PaperDetailData;
  readonly tagsById: ReadonlyMap<string, TagRecord>;
  readonly allTags: readonly TagCount[];
  readonly hit: SearchHit | undefined;
  readonly tagEditRequest: number;
  readonly noteEditRequest: number;
  readonly onOpenLink: (url: string) => void;
}

/** Search URLs for a title on arXiv and on Hugging Face Papers. */
export function externalSearchUrls(title: string): {
  readonly arxiv: string;
  readonly huggingFace: string;
} {
  const query = encodeURIComponent(title);
  return {
    arxiv: `https://arxiv.org/search/?query=${query}&searchtype=title`,
    huggingFace: `https://huggingface.co/papers?q=${query}`,
  };
}

function byline(detail: PaperDetailData): string | null {
  const { organization, authors } = detail.paper;
  if (organization) return organization;
  if (authors !== null) return `${authors} author${authors === 1 ? '' : 's'}`;
  return null;
}

/**
 * Everything about one paper: metadata, links, provenance, status, tags, the abstract with its
 * highlights, and the note.
 */
export function PaperDetail(props: PaperDetailProps): React.JSX.Element {
  const { paper, entry } = props.detail;
  const search = externalSearchUrls(paper.title);
  const highlight = (field: 'title' | 'abstract') =>
    props.hit?.highlights.find((h) => h.field === field)?.ranges;
  const tags = entry.tagIds.flatMap((id) => {
    const tag = props.tagsById.get(id);
    return tag ? [tag] : [];
  });
  const name = byline(props.detail);
  return (
    <article className="paper-detail" aria-labelledby="detail-title" data-testid="paper-detail">
      <h1 id="detail-title" className="detail-title">
        <HighlightedText text={paper.title} ranges={highlight('title')} />
      </h1>
      <dl className="detail-meta">
        {name ? (
          <>
            <dt>{paper.organization ? 'Organisation' : 'Authors'}</dt>
            <dd>{name}</dd>
          </>
        ) : null}
        <dt>Published</dt>
        <dd>{paper.published ?? 'unknown'}</dd>
        {paper.listingDate ? (
          <>
            <dt>Listed</dt>
            <dd>{paper.listingDate}</dd>
          </>
        ) : null}
        {paper.upvotes !== null ? (
          <>
            <dt>Upvotes</dt>
            <dd title={paper.upvoteHistory.map((s) => `${s.upvotes} in ${s.file}`).join('\n')}>
              ▲ {paper.upvotes}
            </dd>
          </>
        ) : null}
        <dt>Status</dt>
        <dd data-testid="detail-status">
          {STATUS_LABELS[entry.status]}
          {entry.readAt ? ` on ${entry.readAt.slice(0, 10)}` : ''}
        </dd>
      </dl>
      <StatusControls papers={[{ id: paper.id, status: entry.status }]} current={entry.status} />
      {entry.status === 'queued' ? (
        <div className="queue-controls">
          <button type="button" onClick={() => void moveQueued(paper.id, 'top')}>
            Move to top
          </button>
          <button type="button" onClick={() => void moveQueued(paper.id, 'bottom')}>
            Move to bottom
          </button>
        </div>
      ) : null}
      <h2 className="section-label">Tags</h2>
      <TagEditor
        paperIds={[paper.id]}
        tags={tags}
        allTags={props.allTags}
        focusRequest={props.tagEditRequest}
      />
      <TagSuggestions paperId={paper.id} />
      <AbstractSection
        key={`abstract:${paper.id}`}
        paperId={paper.id}
        abstract={paper.abstract}
        searchRanges={highlight('abstract')}
      />
      <h2 className="section-label">Links</h2>
      <ul className="link-list">
        {paper.links.map((url) => (
          <li key={url}>
            <a
              href={url}
              onClick={(event) => {
                event.preventDefault();
                props.onOpenLink(url);
              }}
            >
              {url}
            </a>
          </li>
        ))}
        <li>
          <a
            href={search.arxiv}
            onClick={(event) => {
              event.preventDefault();
              props.onOpenLink(search.arxiv);
            }}
          >
            Search the title on arXiv
          </a>
        </li>
        <li>
          <a
            href={search.huggingFace}
            onClick={(event) => {
              event.preventDefault();
              props.onOpenLink(search.huggingFace);
            }}
          >
            Search the title on Hugging Face Papers
          </a>
        </li>
      </ul>
      <h2 className="section-label">Note</h2>
      <NoteEditor
        key={paper.id}
        paperId={paper.id}
        savedNote={entry.note}
        onOpenLink={props.onOpenLink}
        editRequest={props.noteEditRequest}
      />
      <SimilarPapers paperId={paper.id} />
      <h2 className="section-label">Seen in</h2>
      <ul className="source-list" data-testid="detail-sources">
        {paper.sources.map((source) => (
          <li key={`${source.hash}:${source.line}`}>
            {source.file}, line {source.line}
            <span className="muted">
              {source.listingDate ? ` · listing of ${source.listingDate}` : ''} · imported{' '}
              {source.importedAt.slice(0, 10)}
            </span>
          </li>
        ))}
      </ul>
    </article>
  );
}
