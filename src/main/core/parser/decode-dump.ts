/**
 * Bytes (or pasted text) → the dump's text, or a one-line reason why the input is not a text
 * dump at all. Handles the size cap, known binary signatures, byte-order marks (UTF-8, UTF-16 LE
 * and BE) and invalid UTF-8. Everything after this step works on a JS string without a BOM.
 */
import { isUtf8 } from 'node:buffer';
import type { ParseDiagnostic } from '../../../shared/paper';
import { MAX_DUMP_BYTES } from '../../../shared/ipc-validators';
import { knownBinaryType, looksBinary, markupReason } from './sniff-content';

/** Outcome of decoding: the text plus warnings, or a rejection reason. */
export type DecodeOutcome =
  | { readonly ok: true; readonly text: string; readonly diagnostics: ParseDiagnostic[] }
  | { readonly ok: false; readonly rejection: string };

const MIB = 1024 * 1024;

/** The reason used for inputs over the cap; names the cap so the user knows the limit. */
export function oversizeReason(byteLength: number, maxBytes: number = MAX_DUMP_BYTES): string {
  const limit = maxBytes % MIB === 0 ? `${maxBytes / MIB} MiB` : `${maxBytes} bytes`;
  return `is too large (${byteLength} bytes; the limit for a listing dump is ${limit})`;
}

/**
 * Decodes and sanity-checks an input.
 *
 * Invariants: never throws; on success `text` has no leading BOM and contains no NUL, is not
 * empty or white space only, and is not recognisably markup or binary. The size cap is checked
 * first and without scanning, so an oversized input costs nothing.
 */
export function decodeDump(
  input: Uint8Array | string,
  maxBytes: number = MAX_DUMP_BYTES,
): DecodeOutcome {
  const decoded =
    typeof input === 'string' ? fromString(input, maxBytes) : fromBytes(input, maxBytes);
  if (!decoded.ok) return decoded;
  const reason = textRejection(decoded.text);
  return reason === null ? decoded : { ok: false, rejection: reason };
}

function fromString(input: string, maxBytes: number): DecodeOutcome {
  // A UTF-16 code unit encodes to 1–3 UTF-8 bytes (a surrogate pair, two units, to 4), so the
  // exact byte count is needed only when the length is close to the cap.
  if (input.length > maxBytes)
    return { ok: false, rejection: oversizeReason(input.length, maxBytes) };
  if (input.length * 3 > maxBytes) {
    const bytes = Buffer.byteLength(input, 'utf8');
    if (bytes > maxBytes) return { ok: false, rejection: oversizeReason(bytes, maxBytes) };
  }
  if (input.length === 0) return { ok: false, rejection: 'is empty' };
  const binary = knownBinaryType(input.length, (index) => input.charCodeAt(index));
  if (binary !== null) return { ok: false, rejection: binary };
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  return { ok: true, text, diagnostics: [] };
}

function fromBytes(input: Uint8Array, maxBytes: number): DecodeOutcome {
  if (input.byteLength > maxBytes) {
    return { ok: false, rejection: oversizeReason(input.byteLength, maxBytes) };
  }
  if (input.byteLength === 0) return { ok: false, rejection: 'is empty' };
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return fromUtf8(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return fromUtf16(bytes.subarray(2), 'le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return fromUtf16(bytes.subarray(2), 'be');
  const binary = knownBinaryType(bytes.length, (index) => bytes[index] ?? -1);
  if (binary !== null) return { ok: false, rejection: binary };
  return fromUtf8(bytes);
}

function fromUtf8(bytes: Buffer): DecodeOutcome {
  if (bytes.indexOf(0) !== -1) return { ok: false, rejection: nulReason() };
  const text = bytes.toString('utf8');
  if (isUtf8(bytes)) return { ok: true, text, diagnostics: [] };
  const replaced = countChar(text, '\uFFFD');
  return {
    ok: true,
    text,
    diagnostics: [
      {
        severity: 'warning',
        line: null,
        message: `${replaced} invalid UTF-8 sequence(s) replaced by U+FFFD (is the file in another encoding?)`,
      },
    ],
  };
}

function fromUtf16(body: Buffer, order: 'le' | 'be'): DecodeOutcome {
  const diagnostics: ParseDiagnostic[] = [];
  let even = body;
  if (body.length % 2 === 1) {
    even = body.subarray(0, body.length - 1);
    diagnostics.push({
      severity: 'warning',
      line: null,
      message: 'UTF-16 text has an odd number of bytes; last byte ignored',
    });
  }
  // Node decodes only little-endian UTF-16; swap a copy for big-endian input.
  const little = order === 'le' ? even : Buffer.from(even).swap16();
  const text = little.toString('utf16le');
  if (text.indexOf('\0') !== -1) return { ok: false, rejection: nulReason() };
  return { ok: true, text, diagnostics };
}

function nulReason(): string {
  return 'contains NUL bytes: binary data (or UTF-16 text without a byte-order mark), not a listing dump';
}

/** Number of occurrences of a one-character needle, by repeated native `indexOf`. */
function countChar(text: string, needle: string): number {
  let count = 0;
  for (let index = text.indexOf(needle); index !== -1; index = text.indexOf(needle, index + 1)) {
    count += 1;
  }
  return count;
}

/** Checks that apply to decoded text whatever its source; null when the text may be a dump. */
function textRejection(text: string): string | null {
  if (text.length === 0) return 'is empty';
  if (text.trim().length === 0) return 'contains only white space';
  if (text.indexOf('\0') !== -1) return nulReason();
  const markup = markupReason(text);
  if (markup !== null) return markup;
  if (looksBinary(text)) return 'looks like binary data, not a text listing dump';
  return null;
}
