import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import {
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  mimeTypeFor,
  resolveAppAsset,
} from './core/app-assets';

/** Must run before `app.ready`: makes `app://` a standard, secure origin with its own storage. */
export function registerAppSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/** Serves the built renderer from `rendererRoot` under `app://paper-queue/` with the CSP header. */
export function serveRenderer(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const path = resolveAppAsset(rendererRoot, request.url);
    if (!path) return new Response('Not found', { status: 404 });
    const file = await net.fetch(pathToFileURL(path).toString()).catch(() => null);
    if (!file || !file.ok) return new Response('Not found', { status: 404 });
    return new Response(file.body, {
      status: 200,
      headers: {
        'Content-Type': mimeTypeFor(path),
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
}
