/**
 * Hand-written run-time validators for IPC payloads. The renderer is treated as untrusted input:
 * every field is checked for type and size before main acts on it. Kept free of dependencies so
 * the shared layer has no runtime imports.
 */
import type { ImportAck, ImportFailure, IncomingFile, RendererHello } from './import-types';

/** Largest dump main accepts, in bytes (also the parser's cap). */
export const MAX_DUMP_BYTES = 64 * 1024 * 1024;
/** Most files one drop or dialog may hand over at once. */
export const MAX_FILES_PER_REQUEST = 200;
const MAX_NAME_LENGTH = 255;
const MAX_MESSAGE_LENGTH = 4096;
const MAX_URL_LENGTH = 4096;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isShortString(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= max;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** Channels without a payload accept only `undefined`/`null`. */
export function isNoPayload(value: unknown): value is null {
  return value === undefined || value === null;
}

/** A file name: no path separators, no NUL, not `.`/`..`, bounded length. */
export function isSafeFileName(value: unknown): value is string {
  return (
    isShortString(value, MAX_NAME_LENGTH) &&
    !/[/\\\0]/.test(value) &&
    value !== '.' &&
    value !== '..'
  );
}

export function isIncomingFileList(value: unknown): value is readonly IncomingFile[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.length <= MAX_FILES_PER_REQUEST &&
    value.every(
      (file: unknown) =>
        isRecord(file) &&
        isSafeFileName(file.name) &&
        file.bytes instanceof Uint8Array &&
        file.bytes.byteLength <= MAX_DUMP_BYTES,
    )
  );
}

export function isPastedText(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0 && value.length <= MAX_DUMP_BYTES;
}

export function isImportAck(value: unknown): value is ImportAck {
  if (!isRecord(value) || !isShortString(value.streamId, 128) || !isCount(value.index))
    return false;
  const counts = value.counts;
  return (
    isRecord(counts) &&
    isCount(counts.added) &&
    isCount(counts.updated) &&
    isCount(counts.unchanged)
  );
}

export function isImportFailure(value: unknown): value is ImportFailure {
  return (
    isRecord(value) &&
    isShortString(value.streamId, 128) &&
    isCount(value.index) &&
    isShortString(value.message, MAX_MESSAGE_LENGTH)
  );
}

/** The renderer's ready message: its library id (a UUID-like token) and its paper count. */
export function isRendererHello(value: unknown): value is RendererHello {
  return (
    isRecord(value) &&
    isShortString(value.libraryId, 128) &&
    /^[\w-]+$/.test(value.libraryId) &&
    isCount(value.papers)
  );
}

/** Only absolute http(s) URLs may be opened in the system browser. */
export function isUrlRequest(value: unknown): value is string {
  return isShortString(value, MAX_URL_LENGTH) && isHttpUrl(value);
}

/** True for a parseable absolute URL whose scheme is http or https. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
