import type { LibraryView, TagCount, ViewCounts } from '../../db';
import { countOf, sameView, STATUS_VIEWS } from './library-view';

/** Props of the sidebar: the current view, counts, tags and navigation callbacks. */
export interface SidebarProps {
  readonly view: LibraryView;
  readonly counts: ViewCounts | undefined;
  readonly tags: readonly TagCount[] | undefined;
  /** Which page replaces the library's list, if any. */
  readonly showing: 'imports' | 'insights' | null;
  readonly onSelectView: (view: LibraryView) => void;
  readonly onManageTag: (tagId: string) => void;
  readonly onShowImports: () => void;
  readonly onShowInsights: () => void;
}

/** Views with counts, tags with colours and counts, reading insights and the import history. */
export function Sidebar(props: SidebarProps): React.JSX.Element {
  const current = (view: LibraryView): 'page' | undefined =>
    props.showing === null && sameView(props.view, view) ? 'page' : undefined;
  return (
    <nav className="sidebar" aria-label="Library">
      <h2>Library</h2>
      {STATUS_VIEWS.map(({ view, label }) => (
        <button
          key={view}
          type="button"
          className="sidebar-item"
          aria-current={current(view)}
          data-testid={`view-${view}`}
          onClick={() => props.onSelectView(view)}
        >
          {label}
          <span className="count" data-testid={`count-${view}`}>
            {countOf(props.counts, view)}
          </span>
        </button>
      ))}
      <h2>Tags</h2>
      {props.tags && props.tags.length === 0 ? (
        <p className="sidebar-hint muted">Press T on a paper to tag it.</p>
      ) : null}
      {props.tags?.map(({ tag, count }) => (
        <div key={tag.id} className="sidebar-row">
          <button
            type="button"
            className="sidebar-item"
            aria-current={current({ tagId: tag.id })}
            data-testid="sidebar-tag"
            onClick={() => props.onSelectView({ tagId: tag.id })}
          >
            <span className="tag-dot" style={{ background: tag.color }} aria-hidden="true" />
            <span className="sidebar-label">{tag.name}</span>
            <span className="count">{count}</span>
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={`Manage tag ${tag.name}`}
            title="Rename, merge, colour or delete"
            onClick={() => props.onManageTag(tag.id)}
          >
            ⋯
          </button>
        </div>
      ))}
      <h2>Reading</h2>
      <button
        type="button"
        className="sidebar-item"
        aria-current={props.showing === 'insights' ? 'page' : undefined}
        data-testid="view-insights"
        onClick={props.onShowInsights}
      >
        Insights
      </button>
      <h2>Imports</h2>
      <button
        type="button"
        className="sidebar-item"
        aria-current={props.showing === 'imports' ? 'page' : undefined}
        onClick={props.onShowImports}
      >
        Import history
      </button>
    </nav>
  );
}
