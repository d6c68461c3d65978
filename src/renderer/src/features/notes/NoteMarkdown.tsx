import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { remarkHtmlAsText } from './html-as-text';
import { safeLinkUrl } from './safe-url';

/** Props: the untrusted markdown and how to open a vetted link (the system browser). */
export interface NoteMarkdownProps {
  readonly markdown: string;
  readonly onOpenLink: (url: string) => void;
}

/**
 * Renders a note's markdown as React elements. Raw HTML in the source is shown as literal text
 * (never parsed into the DOM), images are shown as their alt text (no remote content), and links are kept only
 * for http(s)/mailto and open in the system browser.
 */
export function NoteMarkdown({ markdown, onOpenLink }: NoteMarkdownProps): React.JSX.Element {
  const components: Components = {
    a: ({ href, children }) => {
      const url = href ? safeLinkUrl(href) : null;
      if (!url) return <span className="unsafe-link">{children}</span>;
      return (
        <a
          href={url}
          title={url}
          onClick={(event) => {
            event.preventDefault();
            onOpenLink(url);
          }}
        >
          {children}
        </a>
      );
    },
    img: ({ alt }) => <span className="muted">[image: {alt ?? ''}]</span>,
  };
  return (
    <div className="markdown" data-testid="note-preview">
      <Markdown
        remarkPlugins={[remarkGfm, remarkHtmlAsText]}
        urlTransform={(url) => safeLinkUrl(url) ?? ''}
        components={components}
      >
        {markdown}
      </Markdown>
    </div>
  );
}
