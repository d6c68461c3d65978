import type { ReactNode } from 'react';
import { isExternalUrl } from '../../../../shared/ipc-validators';

/**
 * A link opened by the operating system (through main, which checks it again), never inside the
 * window. Imported URLs are untrusted: only http(s) and plain mailto links get an `href`, so a
 * `javascript:` or `file:` URL in a dump is shown as text and cannot be followed.
 */
export function ExternalLink(props: {
  readonly url: string;
  readonly onOpen: (url: string) => void;
  readonly children: ReactNode;
}): React.JSX.Element {
  if (!isExternalUrl(props.url)) return <span className="link-refused">{props.children}</span>;
  return (
    <a
      href={props.url}
      onClick={(event) => {
        event.preventDefault();
        props.onOpen(props.url);
      }}
    >
      {props.children}
    </a>
  );
}
