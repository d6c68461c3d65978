import { describe, expect, it } from 'vitest';
import { remarkHtmlAsText } from '../../../src/renderer/src/features/notes/html-as-text';
import { safeLinkUrl } from '../../../src/renderer/src/features/notes/safe-url';
import { actionForKey } from '../../../src/renderer/src/features/shortcuts/shortcut-map';

const key = (
  k: string,
  extra: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {},
) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...extra,
});

describe('note links', () => {
  it('allows only http(s) and mailto', () => {
    expect(safeLinkUrl('https://arxiv.org/abs/1')).toBe('https://arxiv.org/abs/1');
    expect(safeLinkUrl('mailto:someone@example.org')).toBe('mailto:someone@example.org');
    expect(safeLinkUrl('javascript:alert(1)')).toBeNull();
    expect(safeLinkUrl(' JAVASCRIPT:alert(1)')).toBeNull();
    expect(safeLinkUrl('data:text/html,<script>')).toBeNull();
    expect(safeLinkUrl('file:///etc/passwd')).toBeNull();
    expect(safeLinkUrl('/relative')).toBeNull();
  });

  it('turns raw HTML nodes into text', () => {
    const tree = {
      type: 'root',
      children: [
        { type: 'html', value: '<script>x</script>' },
        { type: 'paragraph', children: [{ type: 'html', value: '<b>' }] },
      ],
    };
    remarkHtmlAsText()(tree);
    expect(JSON.stringify(tree)).not.toContain('"html"');
  });
});

describe('keyboard shortcuts', () => {
  it('maps keys to actions', () => {
    expect(actionForKey(key('j'), false)).toBe('next');
    expect(actionForKey(key('ArrowDown'), false)).toBe('next');
    expect(actionForKey(key('Q', { shiftKey: true }), false)).toBeNull();
    expect(actionForKey(key('q'), false)).toBe('queue');
    expect(actionForKey(key('?', { shiftKey: true }), false)).toBe('help');
    expect(actionForKey(key('z', { ctrlKey: true }), false)).toBe('undo');
    expect(actionForKey(key('ArrowUp', { altKey: true, shiftKey: true }), false)).toBe('move-top');
    expect(actionForKey(key('ArrowUp', { altKey: true }), false)).toBe('move-up');
    expect(actionForKey(key('h'), false)).toBe('highlight');
  });

  it('ignores plain keys while typing, except Escape', () => {
    expect(actionForKey(key('q'), true)).toBeNull();
    expect(actionForKey(key('h'), true)).toBeNull();
    expect(actionForKey(key('Escape'), true)).toBe('clear');
  });
});
