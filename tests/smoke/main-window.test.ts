import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/main/core/app-assets';
import { FakeWebContents, preventableEvent, type FakeBrowserWindow } from './fake-electron';
import { launchMain, openedWindow, type LaunchedMain } from './launch-main';

let main: LaunchedMain;
let window: FakeBrowserWindow;

beforeEach(async () => {
  main = await launchMain();
  window = await openedWindow(main.fake);
});
afterEach(async () => main.shutdown());

describe('the main window', () => {
  it('is created with the security checklist and the built preload', () => {
    const preferences = window.options.webPreferences ?? {};
    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    });
    expect(main.fake.session.spellCheckerEnabled).toBe(false);
    expect(preferences['preload']).toBe(resolve('out/preload/index.cjs'));
    expect(existsSync(resolve('out/preload/index.cjs'))).toBe(true);
  });

  it('loads the renderer from app://paper-queue, never file:// or http', () => {
    expect(window.loadedUrls).toEqual(['app://paper-queue/index.html']);
    expect(main.fake.privilegedSchemes).toEqual([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
      },
    ]);
  });
});

describe('the app:// protocol', () => {
  async function get(url: string): Promise<Response> {
    const handler = main.fake.protocolHandlers.get('app');
    if (!handler) throw new Error('no app:// handler registered');
    return handler(new Request(url));
  }

  it('serves the built index.html with the Content-Security-Policy header', async () => {
    const response = await get('app://paper-queue/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(await response.text()).toBe(await readFile('out/renderer/index.html', 'utf8'));
  });

  it('serves / as index.html', async () => {
    expect((await get('app://paper-queue/')).status).toBe(200);
  });

  // out/main/index.js exists next to out/renderer: reaching it would prove an escape.
  it.each([
    'app://paper-queue/../../etc/passwd',
    'app://paper-queue/%2e%2e/%2e%2e/etc/passwd',
    'app://paper-queue/..%2f..%2fetc%2fpasswd',
    'app://paper-queue/..%2fmain%2findex.js',
    'app://paper-queue/%2e%2e%2fmain%2findex.js',
    'app://paper-queue/..%5cmain%5cindex.js',
    'app://paper-queue//etc/passwd',
    'app://paper-queue/%2Fetc%2Fpasswd',
    `app://paper-queue/${encodeURIComponent(resolve('out/main/index.js'))}`,
    'app://paper-queue/index.html%00.js',
    'app://another-host/index.html',
  ])('refuses %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('Not found');
  });
});

describe('navigation, new windows and permissions', () => {
  it('denies window.open and sends only http(s) links to the system browser', () => {
    const open = window.webContents.windowOpenHandler;
    if (!open) throw new Error('no window open handler');
    expect(open({ url: 'https://example.org/paper' })).toEqual({ action: 'deny' });
    expect(open({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(open({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(main.fake.openedExternally).toEqual(['https://example.org/paper']);
  });

  it('blocks navigation away from the app but allows the app itself', () => {
    const away = preventableEvent();
    window.webContents.emit('will-navigate', away, 'https://evil.example/');
    expect(away.defaultPrevented).toBe(true);
    const file = preventableEvent();
    window.webContents.emit('will-navigate', file, 'file:///etc/passwd');
    expect(file.defaultPrevented).toBe(true);
    const redirect = preventableEvent();
    window.webContents.emit('will-redirect', redirect, 'https://evil.example/');
    expect(redirect.defaultPrevented).toBe(true);
    const inside = preventableEvent();
    window.webContents.emit('will-navigate', inside, 'app://paper-queue/index.html');
    expect(inside.defaultPrevented).toBe(false);
    expect(main.fake.openedExternally).toEqual(['https://evil.example/']);
  });

  it('locks down every web contents, not only the main window', () => {
    const other = new FakeWebContents();
    main.fake.app.emit('web-contents-created', {}, other);
    const webview = preventableEvent();
    other.emit('will-attach-webview', webview);
    expect(webview.defaultPrevented).toBe(true);
    expect(other.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({
      action: 'deny',
    });
  });

  it('denies every permission request and check', () => {
    const { permissionRequest: request, permissionCheck: check } = main.fake.session;
    if (!request || !check) throw new Error('permission handlers not installed');
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      const answers: boolean[] = [];
      request(window.webContents, permission, (granted) => answers.push(granted));
      expect(answers).toEqual([false]);
      expect(check(window.webContents, permission)).toBe(false);
    }
  });
});
