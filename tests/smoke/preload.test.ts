import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { API_GLOBAL_NAME, EVENT_FUNCTIONS, INVOKE_FUNCTIONS } from '../../src/shared/ipc-contract';
import { FakeIpcRenderer } from './fake-electron';

/** The built preload, as the sandboxed renderer loads it. */
const PRELOAD = resolve('out/preload/index.cjs');

interface PreloadRun {
  readonly ipcRenderer: FakeIpcRenderer;
  readonly exposed: { name: string; api: unknown }[];
  readonly required: string[];
}

/**
 * Runs the built preload in a fresh V8 context, as Electron's sandbox does. Its `require` knows
 * only 'electron' (a fake contextBridge and ipcRenderer): a sandbox offers no Node modules beyond
 * events, timers and url, and this preload needs none of those, so any other require fails.
 */
async function runPreload(): Promise<PreloadRun> {
  const source = await readFile(PRELOAD, 'utf8');
  const ipcRenderer = new FakeIpcRenderer();
  const exposed: { name: string; api: unknown }[] = [];
  const required: string[] = [];
  const electron = {
    ipcRenderer,
    contextBridge: {
      exposeInMainWorld: (name: string, api: unknown) => exposed.push({ name, api }),
    },
  };
  const sandboxedRequire = (name: string): unknown => {
    required.push(name);
    if (name === 'electron') return electron;
    throw new Error(`a sandboxed preload cannot require '${name}'`);
  };
  const module = { exports: {} };
  const wrapper = runInNewContext(
    `(function (exports, require, module, __filename, __dirname) {${source}\n})`,
    {},
    { filename: PRELOAD },
  ) as (...args: unknown[]) => void;
  wrapper(module.exports, sandboxedRequire, module, PRELOAD, resolve('out/preload'));
  return { ipcRenderer, exposed, required };
}

type Api = Record<string, (argument?: unknown) => unknown>;

let run: PreloadRun;
let api: Api;

beforeAll(async () => {
  run = await runPreload();
  api = run.exposed[0]?.api as Api;
});

describe('the built preload', () => {
  it('requires nothing but electron', () => {
    expect(run.required).toEqual(['electron']);
  });

  it('exposes one object, window.paperQueue, and nothing else', () => {
    expect(run.exposed.map((entry) => entry.name)).toEqual([API_GLOBAL_NAME]);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it("has exactly the contract's functions", () => {
    const expected = [...Object.keys(INVOKE_FUNCTIONS), ...Object.keys(EVENT_FUNCTIONS)].sort();
    expect(Object.getOwnPropertyNames(api).sort()).toEqual(expected);
    expect(Object.getOwnPropertySymbols(api)).toEqual([]);
    for (const name of expected) expect(typeof api[name]).toBe('function');
  });

  it('sends each request on its own channel, with null for "no payload"', async () => {
    for (const [name, channel] of Object.entries(INVOKE_FUNCTIONS)) {
      run.ipcRenderer.invoked.length = 0;
      expect(await api[name]?.()).toBe(`answer to ${channel}`);
      expect(await api[name]?.({ some: 'payload' })).toBe(`answer to ${channel}`);
      expect(run.ipcRenderer.invoked).toEqual([
        { channel, payload: null },
        { channel, payload: { some: 'payload' } },
      ]);
    }
  });

  it('delivers events without the IPC event object, and unsubscribes', () => {
    for (const [name, channel] of Object.entries(EVENT_FUNCTIONS)) {
      const received: unknown[][] = [];
      const unsubscribe = api[name]?.((...args: unknown[]) => received.push(args));
      if (typeof unsubscribe !== 'function') throw new Error(`${name} returned no unsubscribe`);
      expect(run.ipcRenderer.listenerCount(channel)).toBe(1);
      run.ipcRenderer.emit(channel, { sender: run.ipcRenderer }, { n: 1 });
      expect(received).toEqual([[{ n: 1 }]]);
      unsubscribe();
      expect(run.ipcRenderer.listenerCount(channel)).toBe(0);
      run.ipcRenderer.emit(channel, { sender: run.ipcRenderer }, { n: 2 });
      expect(received).toHaveLength(1);
    }
  });
});
