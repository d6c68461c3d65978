import type { Page } from '@playwright/test';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createBackend, type Backend } from '../../../src/main/core/backend';
import { invokeValidated, isInvokeChannel } from '../../../src/main/core/ipc-dispatch';
import {
  EVENT_FUNCTIONS,
  INVOKE_FUNCTIONS,
  type EventChannel,
  type EventContract,
} from '../../../src/shared/ipc-contract';

/** Scripted answers for the native dialogs the backend would open. */
export interface FakeDialogs {
  nextFolder: string | null;
  nextFiles: string[];
  revealed: string[];
  opened: string[];
  /** Answer of the next backup/export save dialog (null: cancelled). */
  nextSavePath: string | null;
  /** Answer of the next "restore from a backup" open dialog (null: cancelled). */
  nextBackupFile: string | null;
  /** Answer of the next export folder dialog (null: cancelled). */
  nextExportFolder: string | null;
}

/** A running bridge: the real backend, its folders and the fake dialogs. */
export interface Bridge {
  readonly backend: Backend;
  readonly inboxFolder: string;
  readonly userDataFolder: string;
  readonly dialogs: FakeDialogs;
  dispose(): Promise<void>;
}

const BYTES_MARKER = '__pqBytes';
/** A response replaced by `{__pqPayload: id}`, fetched from `PAYLOAD_PATH` like large events. */
const PAYLOAD_MARKER = '__pqPayload';

/** Same-origin path the page fetches large event payloads from (see `send`). */
const PAYLOAD_PATH = '/__pq-bridge/payload/';

/** Events up to this many JSON characters are delivered inline. */
const INLINE_EVENT_CHARS = 32 * 1024;

/** Replaces `{__pqBytes: base64}` markers (made by the page) with Uint8Arrays. */
function decodeBytes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeBytes);
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const marker = record[BYTES_MARKER];
    if (typeof marker === 'string') return new Uint8Array(Buffer.from(marker, 'base64'));
    return Object.fromEntries(
      Object.entries(record).map(([key, inner]) => [key, decodeBytes(inner)]),
    );
  }
  return value;
}

/**
 * Provides `window.paperQueue` to the page, backed by the real `src/main/core` backend running in
 * the test process: requests go through `invokeValidated` exactly as Electron IPC does, events are
 * announced with `page.evaluate` (large payloads then fetched through `page.route`, in order).
 * Only the Electron glue (windows, dialogs, the app:// protocol) is replaced, by `FakeDialogs`.
 */
export async function installBridge(
  page: Page,
  options: { inboxFolder?: string; userDataFolder?: string } = {},
): Promise<Bridge> {
  const root = await mkdtemp(join(tmpdir(), 'paper-queue-e2e-'));
  const userDataFolder = options.userDataFolder ?? join(root, 'user-data');
  const inboxFolder = options.inboxFolder ?? join(root, 'inbox');
  await mkdir(userDataFolder, { recursive: true });
  const dialogs: FakeDialogs = {
    nextFolder: null,
    nextFiles: [],
    revealed: [],
    opened: [],
    nextSavePath: null,
    nextBackupFile: null,
    nextExportFolder: null,
  };

  // Events travel as JSON text. A small one rides inside a `page.evaluate` call. A large one (an
  // import batch of 1000 papers is ~1.5 MB) would be escaped into a DevTools protocol message and
  // parsed by the page's main thread, costing it ~70 ms per batch, far more than Electron's IPC;
  // instead the page is told its number and fetches it from `PAYLOAD_PATH`, which this bridge
  // answers through `page.route`, so the page only runs JSON.parse as it would run IPC decoding.
  const payloads = new Map<number, string>();
  let nextPayloadId = 1;
  const send = <E extends EventChannel>(channel: E, payload: EventContract[E]): void => {
    const json = JSON.stringify(payload);
    const inline = json.length <= INLINE_EVENT_CHARS;
    const id = inline ? 0 : nextPayloadId++;
    if (!inline) payloads.set(id, json);
    page
      .evaluate(
        ([name, text, payloadId]) => {
          const receive = (
            window as unknown as {
              __pqReceive?: (channel: string, json: string | null, id: number) => void;
            }
          ).__pqReceive;
          receive?.(name, text, payloadId);
        },
        [channel, inline ? json : null, id] as const,
      )
      .catch(() => {
        payloads.delete(id);
        backend.rendererGone();
      });
  };
  await page.route(`**${PAYLOAD_PATH}*`, async (route) => {
    const id = Number(new URL(route.request().url()).pathname.slice(PAYLOAD_PATH.length));
    const body = payloads.get(id);
    payloads.delete(id);
    await route.fulfill(
      body === undefined
        ? { status: 404, body: 'unknown payload' }
        : { status: 200, contentType: 'application/json', body },
    );
  });

  const backend = await createBackend(
    {
      appInfo: { name: 'Paper Queue', version: 'test', platform: process.platform, userDataFolder },
      samplesFolder: resolve('resources/samples'),
      send,
      chooseFolder: async () => dialogs.nextFolder,
      pickDumpFiles: async () => dialogs.nextFiles.splice(0),
      revealFolder: async (path) => {
        dialogs.revealed.push(path);
      },
      openExternal: async (url) => {
        dialogs.opened.push(url);
      },
      backupDialogs: {
        chooseSavePath: async () => dialogs.nextSavePath,
        chooseBackupFile: async () => dialogs.nextBackupFile,
        chooseExportFolder: async () => dialogs.nextExportFolder,
      },
    },
    { userDataFolder, defaultInboxFolder: inboxFolder },
    { watchStabilityMs: 200 },
  );

  page.on('framenavigated', (frame) => {
    if (frame !== page.mainFrame()) return;
    payloads.clear();
    backend.rendererGone();
  });

  // Large responses (a chunk of a backup being restored) take the same fetch path as large events.
  await page.exposeBinding('__pqInvoke', async (_source, channel: string, payload: unknown) => {
    if (!isInvokeChannel(channel)) throw new Error(`Unknown channel ${channel}`);
    const result = await invokeValidated(backend.handlers, channel, decodeBytes(payload));
    const json = JSON.stringify(result);
    if (json === undefined || json.length <= INLINE_EVENT_CHARS) return result;
    const id = nextPayloadId++;
    payloads.set(id, json);
    return { [PAYLOAD_MARKER]: id };
  });

  // Scripts run through tsx/esbuild (the benchmarks) serialise functions that call esbuild's
  // `__name` helper; define it in the page so the same bridge works there and under Playwright.
  await page.addInitScript('globalThis.__name ??= (target) => target;');
  await page.addInitScript(
    ({ invokeFunctions, eventFunctions, marker, payloadMarker, payloadPath }) => {
      const listeners = new Map<string, Set<(payload: unknown) => void>>();
      const encode = (value: unknown): unknown => {
        if (value instanceof Uint8Array) {
          let binary = '';
          for (let offset = 0; offset < value.length; offset += 0x8000) {
            binary += String.fromCharCode(...value.subarray(offset, offset + 0x8000));
          }
          return { [marker]: btoa(binary) };
        }
        if (Array.isArray(value)) return value.map(encode);
        if (typeof value === 'object' && value !== null) {
          return Object.fromEntries(
            Object.entries(value).map(([key, inner]) => [key, encode(inner)]),
          );
        }
        return value;
      };
      const invoke = (
        window as unknown as { __pqInvoke: (c: string, p: unknown) => Promise<unknown> }
      ).__pqInvoke;
      const fetchPayload = async (id: number): Promise<unknown> => {
        const response = await fetch(`${payloadPath}${id}`);
        if (!response.ok) throw new Error(`bridge payload ${id}: ${response.status}`);
        return JSON.parse(await response.text()) as unknown;
      };
      const api: Record<string, unknown> = {};
      for (const [name, channel] of Object.entries(invokeFunctions)) {
        api[name] = async (payload?: unknown) => {
          const result = await invoke(channel, encode(payload ?? null));
          const id = (result as Record<string, unknown> | null)?.[payloadMarker];
          return typeof id === 'number' ? fetchPayload(id) : result;
        };
      }
      for (const [name, channel] of Object.entries(eventFunctions)) {
        api[name] = (listener: (payload: unknown) => void) => {
          const set = listeners.get(channel) ?? new Set();
          listeners.set(channel, set);
          set.add(listener);
          return () => set.delete(listener);
        };
      }
      Object.defineProperty(window, 'paperQueue', {
        value: Object.freeze(api),
        configurable: false,
      });
      // Events are handed to listeners strictly in the order they were sent, even when a later
      // inline event arrives while an earlier large one is still being fetched.
      let delivered: Promise<void> = Promise.resolve();
      Object.defineProperty(window, '__pqReceive', {
        value: (channel: string, json: string | null, id: number) => {
          const text =
            json ??
            fetch(`${payloadPath}${id}`).then((response) => {
              if (!response.ok) throw new Error(`bridge payload ${id}: ${response.status}`);
              return response.text();
            });
          // Handled where it is awaited below; this keeps an early failure from being unhandled.
          if (typeof text !== 'string') text.catch(() => undefined);
          delivered = delivered
            .then(async () => {
              const payload: unknown = JSON.parse(await text);
              for (const listener of listeners.get(channel) ?? []) listener(payload);
            })
            .catch((error: unknown) => console.error('Bridge event lost', error));
        },
      });
    },
    {
      invokeFunctions: INVOKE_FUNCTIONS,
      eventFunctions: EVENT_FUNCTIONS,
      marker: BYTES_MARKER,
      payloadMarker: PAYLOAD_MARKER,
      payloadPath: PAYLOAD_PATH,
    },
  );

  return {
    backend,
    inboxFolder,
    userDataFolder,
    dialogs,
    dispose: async () => {
      await backend.dispose();
      await rm(root, { recursive: true, force: true });
    },
  };
}
