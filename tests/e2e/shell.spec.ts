import { readFile } from 'node:fs/promises';
import { CONTENT_SECURITY_POLICY } from '../../src/main/core/app-assets';
import { expect, test } from './support/fixtures';

test.describe('app shell', () => {
  test('shows the first-run screen with the inbox folder and sample offer', async ({
    openApp,
    bridge,
  }) => {
    const page = await openApp();
    const empty = page.getByTestId('empty-state');
    await expect(empty.getByRole('heading', { name: 'Your reading queue is empty' })).toBeVisible();
    await expect(empty.getByTestId('inbox-path')).toHaveText(bridge.inboxFolder);
    await expect(empty.getByRole('button', { name: 'Load sample dumps' })).toBeEnabled();
    await empty.getByRole('button', { name: 'Open inbox folder' }).click();
    await expect.poll(() => bridge.dialogs.revealed).toEqual([bridge.inboxFolder]);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`follows the OS ${scheme} theme`, async ({ page, openApp }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await openApp();
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const [red = 0, green = 0, blue = 0] = (background.match(/\d+/g) ?? []).map(Number);
      const luminance = (0.2126 * red + 0.7152 * green + 0.0722 * blue) / 255;
      if (scheme === 'dark') expect(luminance).toBeLessThan(0.3);
      else expect(luminance).toBeGreaterThan(0.85);
    });
  }

  test('explains itself when opened without the app bridge', async ({ browser }) => {
    const page = await browser.newPage();
    await page.goto('/index.html');
    await expect(
      page.getByRole('heading', { name: 'Paper Queue must run inside its desktop app' }),
    ).toBeVisible();
    await page.close();
  });
});

test.describe('content security policy', () => {
  const unsafe = /'unsafe-[a-z-]+'|\bdata:\s*[^;]*script|\*/;

  test('the built index.html allows no unsafe sources', async () => {
    const html = await readFile('out/renderer/index.html', 'utf8');
    const policy = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/)?.[1];
    expect(policy, 'index.html must carry a CSP meta tag').toBeTruthy();
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(unsafe);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  test('the app:// protocol header allows no unsafe sources', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(unsafe);
  });

  test('the page runs under the policy without violations', async ({ page, openApp }) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && message.text().includes('Content Security Policy'))
        violations.push(message.text());
    });
    await openApp();
    await expect(page.getByTestId('empty-state')).toBeVisible();
    expect(violations).toEqual([]);
  });
});
