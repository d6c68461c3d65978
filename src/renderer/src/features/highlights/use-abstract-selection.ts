import { useEffect, useState, type RefObject } from 'react';
import { trimSelection } from './highlight-segments';

/** A passage of the abstract waiting to be highlighted: `[start, end)` offsets. */
export interface PendingPassage {
  readonly start: number;
  readonly end: number;
}

/** The text offset within `root` of a DOM position (`node`, `offset`) inside it. */
function textOffset(root: Node, node: Node, offset: number): number {
  const before = document.createRange();
  before.selectNodeContents(root);
  before.setEnd(node, offset);
  return before.toString().length;
}

/**
 * The passage of `text` (rendered inside `root`) that the user last selected, kept while the
 * user moves on to the comment field or the Highlight button (selections outside the abstract
 * leave it alone); a click inside the abstract that selects nothing clears it. White space at
 * either end is left out.
 */
export function useAbstractSelection(
  root: RefObject<HTMLElement | null>,
  text: string,
): { readonly pending: PendingPassage | null; readonly clear: () => void } {
  const [pending, setPending] = useState<PendingPassage | null>(null);
  useEffect(() => {
    const onSelectionChange = (): void => {
      const element = root.current;
      const selection = document.getSelection();
      if (!element || !selection || selection.rangeCount === 0) return;
      const range = selection.getRangeAt(0);
      if (!element.contains(range.startContainer) || !element.contains(range.endContainer)) return;
      if (range.collapsed) {
        setPending(null);
        return;
      }
      const start = textOffset(element, range.startContainer, range.startOffset);
      const end = textOffset(element, range.endContainer, range.endOffset);
      setPending(trimSelection(text, start, end));
    };
    document.addEventListener('selectionchange', onSelectionChange);
    return () => document.removeEventListener('selectionchange', onSelectionChange);
  }, [root, text]);
  return { pending, clear: () => setPending(null) };
}
