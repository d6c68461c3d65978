import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mimeTypeFor, resolveAppAsset } from '../../../src/main/core/app-assets';

describe('resolveAppAsset', () => {
  const root = resolve('/opt/app/out/renderer');

  it('maps app URLs into the renderer folder', () => {
    expect(resolveAppAsset(root, 'app://paper-queue/')).toBe(join(root, 'index.html'));
    expect(resolveAppAsset(root, 'app://paper-queue/index.html')).toBe(join(root, 'index.html'));
    expect(resolveAppAsset(root, 'app://paper-queue/assets/index-abc.js?x=1')).toBe(
      join(root, 'assets', 'index-abc.js'),
    );
  });

  it('refuses other hosts and any path escaping the folder', () => {
    expect(resolveAppAsset(root, 'app://other/index.html')).toBeNull();
    expect(resolveAppAsset(root, 'https://paper-queue/index.html')).toBeNull();
    expect(resolveAppAsset(root, 'app://paper-queue/..%2f..%2fetc%2fpasswd')).toBeNull();
    expect(resolveAppAsset(root, 'app://paper-queue/%2e%2e/secret')).toBe(join(root, 'secret'));
    expect(resolveAppAsset(root, 'app://paper-queue/a%00b')).toBeNull();
    expect(resolveAppAsset(root, 'app://paper-queue/%E0%A4%A')).toBeNull();
  });

  it('serves module scripts with a JavaScript type', () => {
    expect(mimeTypeFor('x/index.js')).toMatch(/^text\/javascript/);
    expect(mimeTypeFor('x/index.html')).toMatch(/^text\/html/);
  });
});
