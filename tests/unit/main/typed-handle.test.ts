import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { InvokeHandlers } from '../../../src/main/core/ipc-dispatch';
import { isTrustedFrameUrl } from '../../../src/main/core/ipc-dispatch';
import { registerInvokeHandlers } from '../../../src/main/ipc/typed-handle';
import { REQUEST_VALIDATORS } from '../../../src/shared/ipc-contract';

type Handler = (event: IpcMainInvokeEvent, payload: unknown) => Promise<unknown>;

function fakeIpc() {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle: (channel: string, handler: Handler) => handlers.set(channel, handler),
    removeHandler: (channel: string) => handlers.delete(channel),
  };
}

function eventFrom(url: string, sender: object = trustedSender): IpcMainInvokeEvent {
  return { sender, senderFrame: { url } } as unknown as IpcMainInvokeEvent;
}

const trustedSender = { id: 1 };

function backendHandlers(): InvokeHandlers {
  const handlers = Object.fromEntries(
    Object.keys(REQUEST_VALIDATORS).map((channel) => [channel, vi.fn(async () => null)]),
  );
  return handlers as unknown as InvokeHandlers;
}

describe('registerInvokeHandlers', () => {
  const isTrusted = (event: IpcMainInvokeEvent): boolean =>
    event.sender === trustedSender &&
    isTrustedFrameUrl(event.senderFrame?.url ?? '', ['app://paper-queue']);

  it('registers exactly the contract channels and removes them again', () => {
    const ipc = fakeIpc();
    const dispose = registerInvokeHandlers(ipc, backendHandlers(), isTrusted);
    expect([...ipc.handlers.keys()].sort()).toEqual(Object.keys(REQUEST_VALIDATORS).sort());
    dispose();
    expect(ipc.handlers.size).toBe(0);
  });

  it('passes a valid payload from the app origin to the handler', async () => {
    const ipc = fakeIpc();
    const handlers = backendHandlers();
    registerInvokeHandlers(ipc, handlers, isTrusted);
    await ipc.handlers.get('import:text')?.(
      eventFrom('app://paper-queue/index.html'),
      'Daily Papers\nA title',
    );
    expect(handlers['import:text']).toHaveBeenCalledWith('Daily Papers\nA title');
  });

  it('rejects a payload that fails validation without calling the handler', async () => {
    const ipc = fakeIpc();
    const handlers = backendHandlers();
    registerInvokeHandlers(ipc, handlers, isTrusted);
    const event = eventFrom('app://paper-queue/index.html');
    await expect(
      ipc.handlers.get('shell:open-external')?.(event, 'javascript:alert(1)'),
    ).rejects.toThrow(/invalid payload/);
    await expect(
      ipc.handlers.get('import:files')?.(event, [
        { name: '../../etc/passwd', bytes: new Uint8Array(1) },
      ]),
    ).rejects.toThrow(/invalid payload/);
    await expect(
      ipc.handlers.get('import:ack')?.(event, { importId: 'x', index: -1 }),
    ).rejects.toThrow(/invalid payload/);
    await expect(ipc.handlers.get('settings:get')?.(event, { unexpected: true })).rejects.toThrow(
      /invalid payload/,
    );
    expect(handlers['shell:open-external']).not.toHaveBeenCalled();
    expect(handlers['import:files']).not.toHaveBeenCalled();
    expect(handlers['import:ack']).not.toHaveBeenCalled();
    expect(handlers['settings:get']).not.toHaveBeenCalled();
  });

  it('rejects a foreign sender frame or web contents', async () => {
    const ipc = fakeIpc();
    const handlers = backendHandlers();
    registerInvokeHandlers(ipc, handlers, isTrusted);
    const handler = ipc.handlers.get('settings:get');
    await expect(handler?.(eventFrom('https://evil.example/index.html'), null)).rejects.toThrow(
      /untrusted sender/,
    );
    await expect(handler?.(eventFrom('app://paper-queue.evil/index.html'), null)).rejects.toThrow(
      /untrusted sender/,
    );
    await expect(
      handler?.(eventFrom('app://paper-queue/index.html', { id: 2 }), null),
    ).rejects.toThrow(/untrusted sender/);
    expect(handlers['settings:get']).not.toHaveBeenCalled();
    await handler?.(eventFrom('app://paper-queue/index.html'), null);
    expect(handlers['settings:get']).toHaveBeenCalledTimes(1);
  });
});

describe('isTrustedFrameUrl', () => {
  it('accepts only the listed origins', () => {
    const trusted = ['app://paper-queue', 'http://localhost:5173'];
    expect(isTrustedFrameUrl('app://paper-queue/index.html', trusted)).toBe(true);
    expect(isTrustedFrameUrl('http://localhost:5173/', trusted)).toBe(true);
    expect(isTrustedFrameUrl('http://localhost:5174/', trusted)).toBe(false);
    expect(isTrustedFrameUrl('file:///etc/index.html', trusted)).toBe(false);
    expect(isTrustedFrameUrl('not a url', trusted)).toBe(false);
  });
});
