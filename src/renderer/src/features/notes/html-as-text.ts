/** The part of a markdown syntax tree node this plugin looks at. */
interface MarkdownNode {
  type: string;
  value?: string;
  children?: MarkdownNode[];
}

/**
 * A remark plugin that turns raw HTML in a note (`<script>`, `<img onerror>`, `<b>`) into plain
 * text nodes, so the note shows exactly what was typed instead of either running it or silently
 * dropping it. Combined with React's escaping this means no note text ever becomes markup.
 */
export function remarkHtmlAsText() {
  return (tree: MarkdownNode): void => {
    const stack: MarkdownNode[] = [tree];
    while (stack.length > 0) {
      const node = stack.pop();
      if (!node) break;
      if (node.type === 'html') node.type = 'text';
      if (node.children) stack.push(...node.children);
    }
  };
}
