/**
 * Hand-written run-time validators for IPC payloads. The renderer is treated as untrusted input:
 * every field is checked for type and size before main acts on it. Kept free of dependencies so
 * the shared layer has no runtime imports.
 */
import type { ImportAck, ImportFailure, IncomingFile, RendererHello } from './import-types';
import { DENSITIES, LIST_SORTS, THEME_CHOICES, type UiPreferences } from './settings';

/** Largest dump main accepts, in bytes (also the parser's cap). */
export const MAX_DUMP_BYTES = 64 * 1024 * 1024;
/** Most files one drop or dialog may hand over at once. */
export const MAX_FILES_PER_REQUEST = 200;
const MAX_NAME_LENGTH = 255;
const MAX_MESSAGE_LENGTH = 4096;
const MAX_URL_LENGTH = 4096;

/**
 * Main asks the renderer to save what the user typed but the renderer has not saved yet (note
 * drafts), before the window closes; `requestId` pairs the answer with the request.
 */
export interface FlushRequest {
  readonly requestId: number;
}

/** The renderer's answer to a `FlushRequest`: whether everything pending is now saved. */
export interface FlushAnswer {
  readonly requestId: number;
  readonly saved: boolean;
}

/** A plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A non-empty string of at most `max` characters. */
export function isShortString(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= max;
}

/** A non-negative safe integer. */
export function isCount(value: unknown): value is number {
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

export function isFlushAnswer(value: unknown): value is FlushAnswer {
  return isRecord(value) && isCount(value.requestId) && typeof value.saved === 'boolean';
}

/** Only absolute http(s) URLs and plain mailto links may be opened outside the app. */
export function isUrlRequest(value: unknown): value is string {
  return isShortString(value, MAX_URL_LENGTH) && isExternalUrl(value);
}

/** True for a URL the app hands to the operating system: http(s), or a plain mailto link. */
export function isExternalUrl(value: string): boolean {
  return isHttpUrl(value) || isPlainMailto(value);
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

/** A complete set of UI preferences with known values only. */
export function isUiPreferences(value: unknown): value is UiPreferences {
  return (
    isRecord(value) &&
    Object.keys(value).length === 4 &&
    (THEME_CHOICES as readonly unknown[]).includes(value.theme) &&
    (DENSITIES as readonly unknown[]).includes(value.density) &&
    (LIST_SORTS as readonly unknown[]).includes(value.defaultSort) &&
    typeof value.sidebarCollapsed === 'boolean'
  );
}

const MAILTO_ADDRESS =
  '[A-Za-z0-9._+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+';
/** A field value: URL-safe characters and percent escapes, except an escaped `&` or `=`. */
const MAILTO_VALUE = "(?:[A-Za-z0-9._~!$'()*+,;:@/?-]|%(?!26|3[dD])[0-9A-Fa-f]{2})*";
const MAILTO_FIELD = `(?:subject|body|cc|bcc)=${MAILTO_VALUE}`;
const PLAIN_MAILTO = new RegExp(
  `^mailto:${MAILTO_ADDRESS}(?:,${MAILTO_ADDRESS})*(?:\\?${MAILTO_FIELD}(?:&${MAILTO_FIELD})*)?$`,
);

/**
 * True for a mailto link that only addresses a message: one or more plain addresses (letters,
 * digits and `._+-` before the @), optionally a subject, body, cc or bcc (percent-encoded, as the
 * URL parser leaves them). The mail program gets the link from the operating system, and some
 * honour other fields such as `attach=` (a local file attached to the message), so any other
 * field, an address that could smuggle one in (`a?attach=…@x.org`), whitespace, a control
 * character or an escaped `&`/`=` is refused.
 */
export function isPlainMailto(value: string): boolean {
  return value.length <= MAX_URL_LENGTH && PLAIN_MAILTO.test(value);
}
