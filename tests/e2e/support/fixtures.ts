import { test as base, expect, type Page } from '@playwright/test';
import { installBridge, type Bridge } from './bridge';

/** Every e2e test gets a fresh browser context (fresh IndexedDB) and a fresh backend. */
export const test = base.extend<{ bridge: Bridge; openApp: () => Promise<Page> }>({
  bridge: async ({ page }, use) => {
    const bridge = await installBridge(page);
    await use(bridge);
    await bridge.dispose();
  },
  openApp: async ({ page, bridge }, use) => {
    void bridge;
    await use(async () => {
      await page.goto('/index.html');
      await expect(page.locator('.app-shell')).toBeVisible();
      return page;
    });
  },
});

export { expect };
