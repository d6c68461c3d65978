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

/**
 * Time spent in requests since the last `takeTraffic`: how long the page waited with at least one
 * request in flight, and how long the backend spent handling them. The difference is what the
 * bridge itself costs (Playwright's bindings, routed fetches), which Electron's IPC does not.
 */
export interface BridgeTraffic {
  readonly pageWaitMs: number;
  readonly handlerMs: number;
}

/** A running bridge: the real backend, its folders and the fake dialogs. */
export interface Bridge {
  readonly backend: Backend;
  readonly inboxFolder: string;
  readonly userDataFolder: string;
  readonly dialogs: FakeDialogs;
  /** Request time since the last call (benchmarks subtract the bridge's own cost). */
  takeTraffic(): Promise<BridgeTraffic>;
  dispose(): Promise<void>;
}

/** Wall time with at least one operation running (overlapping operations count once). */
function busyClock(now: () => number): { begin(): () => void; take(): number } {
  let running = 0;
  let since = 0;
  let total = 0;
  return {
    begin() {
      if (running++ === 0) since = now();
      return () => {
        if (--running === 0) total += now() - since;
      };
    },
    take() {
      const taken = total + (running > 0 ? now() - since : 0);
      total = 0;
      if (running > 0) since = now();
      return taken;
    },
  };
}

const BYTES_MARKER = '__pqBytes';
/** A response replaced by `{__pqPayload: id}`, fetched from `PAYLOAD_PATH` like large events. */
const PAYLOAD_MARKER = '__pqPayload';

/** Same-origin path the page uploads byte arrays of requests to (see `encode` in the page). */
const UPLOAD_PATH = '/__pq-bridge/upload/';

/** Same-origin path the page fetches large event payloads from (see `send`). */
const PAYLOAD_PATH = '/__pq-bridge/payload/';

/** Events up to this many JSON characters are delivered inline. */
const INLINE_EVENT_CHARS = 32 * 1024;

/**
 * Replaces `{__pqBytes: [uploadId, offset, length]}` markers (made by the page) with the bytes
 * they point to in that upload.
 */
function decodeBytes(value: unknown, uploads: Map<string, Buffer>): unknown {
  if (Array.isArray(value)) return value.map((item) => decodeBytes(item, uploads));
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const marker = record[BYTES_MARKER];
    if (Array.isArray(marker)) {
      const [id, offset, length] = marker as [string, number, number];
      const upload = uploads.get(id);
      if (!upload) throw new Error(`bridge upload ${id} missing`);
      return new Uint8Array(upload.subarray(offset, offset + length));
    }
    return Object.fromEntries(
      Object.entries(record).map(([key, inner]) => [key, decodeBytes(inner, uploads)]),
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
  options: {
    inboxFolder?: string;
    userDataFolder?: string;
    /** Hears of every request the page makes, before it is handled (benchmarks time from it). */
    onInvoke?: (channel: string) => void;
  } = {},
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

  // The byte arrays of a request (dropped files) arrive first as one binary upload, which the page
  // sends as Electron's IPC would copy them, instead of base64-encoding megabytes on its main
  // thread; the request then carries only markers pointing into that upload.
  const uploads = new Map<string, Buffer>();
  await page.route(`**${UPLOAD_PATH}*`, async (route) => {
    const id = new URL(route.request().url()).pathname.slice(UPLOAD_PATH.length);
    uploads.set(id, route.request().postDataBuffer() ?? Buffer.alloc(0));
    await route.fulfill({ status: 204 });
  });

  const handling = busyClock(() => performance.now());
  await page.exposeBinding(
    '__pqInvoke',
    async (_source, channel: string, payload: unknown, uploadId: string | null) => {
      if (!isInvokeChannel(channel)) throw new Error(`Unknown channel ${channel}`);
      options.onInvoke?.(channel);
      let result: unknown;
      const handled = handling.begin();
      try {
        result = await invokeValidated(backend.handlers, channel, decodeBytes(payload, uploads));
      } finally {
        handled();
        if (uploadId !== null) uploads.delete(uploadId);
      }
      // Large responses (a chunk of a backup being restored) take the fetch path of large events.
      const json = JSON.stringify(result);
      if (json === undefined || json.length <= INLINE_EVENT_CHARS) return result;
      const id = nextPayloadId++;
      payloads.set(id, json);
      return { [PAYLOAD_MARKER]: id };
    },
  );

  // Scripts run through tsx/esbuild (the benchmarks) serialise functions that call esbuild's
  // `__name` helper; define it in the page so the same bridge works there and under Playwright.
  await page.addInitScript('globalThis.__name ??= (target) => target;');
  await page.addInitScript(
    ({ invokeFunctions, eventFunctions, marker, payloadMarker, payloadPath, uploadPath }) => {
      const listeners = new Map<string, Set<(payload: unknown) => void>>();
      let nextUpload = 1;
      // The byte arrays of one request go in one binary upload; markers point into it.
      const encode = (value: unknown, parts: Uint8Array[], id: string): unknown => {
        if (value instanceof Uint8Array) {
          const offset = parts.reduce((sum, part) => sum + part.byteLength, 0);
          parts.push(value);
          return { [marker]: [id, offset, value.byteLength] };
        }
        if (Array.isArray(value)) return value.map((item) => encode(item, parts, id));
        if (typeof value === 'object' && value !== null) {
          return Object.fromEntries(
            Object.entries(value).map(([key, inner]) => [key, encode(inner, parts, id)]),
          );
        }
        return value;
      };
      const invoke = (
        window as unknown as {
          __pqInvoke: (c: string, p: unknown, upload: string | null) => Promise<unknown>;
        }
      ).__pqInvoke;
      const fetchPayload = async (id: number): Promise<unknown> => {
        const response = await fetch(`${payloadPath}${id}`);
        if (!response.ok) throw new Error(`bridge payload ${id}: ${response.status}`);
        return JSON.parse(await response.text()) as unknown;
      };
      // Wall time with a request in flight (read by `takeTraffic`; overlapping requests count once).
      const waiting = { running: 0, since: 0, totalMs: 0 };
      Object.defineProperty(window, '__pqTakeWaitMs', {
        value: () => {
          const now = performance.now();
          const taken = waiting.totalMs + (waiting.running > 0 ? now - waiting.since : 0);
          waiting.totalMs = 0;
          waiting.since = now;
          return taken;
        },
      });
      const api: Record<string, unknown> = {};
      for (const [name, channel] of Object.entries(invokeFunctions)) {
        api[name] = async (payload?: unknown) => {
          // When the app said it is ready, in page time (benchmarks time imports from it).
          if (channel === 'renderer:ready') {
            (window as unknown as { __pqReadyAt?: number }).__pqReadyAt ??= performance.now();
          }
          if (waiting.running++ === 0) waiting.since = performance.now();
          try {
            const parts: Uint8Array[] = [];
            const id = `${Date.now()}-${nextUpload++}`;
            const encoded = encode(payload ?? null, parts, id);
            if (parts.length > 0) {
              const body = new Blob(parts as Uint8Array<ArrayBuffer>[]);
              await fetch(`${uploadPath}${id}`, { method: 'POST', body });
            }
            const result = await invoke(channel, encoded, parts.length > 0 ? id : null);
            const large = (result as Record<string, unknown> | null)?.[payloadMarker];
            return typeof large === 'number' ? await fetchPayload(large) : result;
          } finally {
            if (--waiting.running === 0) waiting.totalMs += performance.now() - waiting.since;
          }
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
      uploadPath: UPLOAD_PATH,
    },
  );

  return {
    backend,
    inboxFolder,
    userDataFolder,
    dialogs,
    takeTraffic: async () => ({
      pageWaitMs: await page.evaluate(() =>
        (window as unknown as { __pqTakeWaitMs: () => number }).__pqTakeWaitMs(),
      ),
      handlerMs: handling.take(),
    }),
    dispose: async () => {
      await backend.dispose();
      await rm(root, { recursive: true, force: true });
    },
  };
}
