import Markdown, { type Components } from 'react-markdown';
import { remarkHtmlAsText } from './html-as-text';
import { MAX_FORMATTED_CHARS, type PlainReason } from './preview-budget';
import { safeLinkUrl } from './safe-url';
import { usePreviewVerdict } from './use-preview-verdict';

/** Props: the untrusted markdown and how to open a vetted link (the system browser). */
export interface NoteMarkdownProps {
  readonly markdown: string;
  readonly onOpenLink: (url: string) => void;
}

const PLAIN_REASONS: Readonly<Record<PlainReason, string>> = {
  'too-long': `This note is longer than ${MAX_FORMATTED_CHARS.toLocaleString('en')} characters, so it is shown as plain text.`,
  'too-deep': 'This note nests quotes or lists too deeply to format, so it is shown as plain text.',
  'too-slow': 'This note would take too long to format, so it is shown as plain text.',
  failed: 'This note could not be formatted, so it is shown as plain text.',
};

/**
 * Renders a note's markdown as React elements. Raw HTML in the source is shown as literal text
 * (never parsed into the DOM), images are shown as their alt text (no remote content), and links
 * are kept only for http(s) and plain mailto addresses and open outside the app. Notes that would
 * be costly to format (see preview-budget.ts) are shown as plain text with the reason.
 */
export function NoteMarkdown({ markdown, onOpenLink }: NoteMarkdownProps): React.JSX.Element {
  const verdict = usePreviewVerdict(markdown);
  if (verdict === null) {
    return (
      <div className="markdown" data-testid="note-preview" aria-busy="true">
        <p className="muted">Preparing the preview…</p>
      </div>
    );
  }
  if (verdict.kind === 'plain') {
    return (
      <div className="markdown" data-testid="note-preview">
        <p className="muted" data-testid="note-plain-reason">
          {PLAIN_REASONS[verdict.reason]} Choose Write to edit it.
        </p>
        <pre className="note-plain-text">{markdown}</pre>
      </div>
    );
  }
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
        remarkPlugins={[remarkHtmlAsText]}
        urlTransform={(url) => safeLinkUrl(url) ?? ''}
        components={components}
      >
        {markdown}
      </Markdown>
    </div>
  );
}
