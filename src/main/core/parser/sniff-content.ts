/**
 * Recognising inputs that are not listing dumps, so the user gets a precise one-line reason
 * ("is a PDF document") instead of an empty result. Reasons are phrased to follow a file name:
 * the CLI prints `file: reason`.
 */

interface Signature {
  readonly magic: readonly number[];
  readonly reason: string;
}

/** Magic numbers of the wrong files users most often drop by mistake. */
const SIGNATURES: readonly Signature[] = [
  { magic: [0x25, 0x50, 0x44, 0x46, 0x2d], reason: 'is a PDF document, not a listing dump' },
  { magic: [0x1f, 0x8b], reason: 'is gzip-compressed; decompress it first' },
  { magic: [0x89, 0x50, 0x4e, 0x47], reason: 'is a PNG image, not a listing dump' },
  { magic: [0xff, 0xd8, 0xff], reason: 'is a JPEG image, not a listing dump' },
  { magic: [0x47, 0x49, 0x46, 0x38], reason: 'is a GIF image, not a listing dump' },
  {
    magic: [0x50, 0x4b, 0x03, 0x04],
    reason: 'is a zip archive (or Office document), not a listing dump',
  },
  { magic: [0x50, 0x4b, 0x05, 0x06], reason: 'is an empty zip archive, not a listing dump' },
  { magic: [0x42, 0x5a, 0x68], reason: 'is bzip2-compressed; decompress it first' },
  { magic: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], reason: 'is xz-compressed; decompress it first' },
  { magic: [0x28, 0xb5, 0x2f, 0xfd], reason: 'is zstd-compressed; decompress it first' },
  { magic: [0x7f, 0x45, 0x4c, 0x46], reason: 'is an executable (ELF), not a listing dump' },
];

/**
 * The reason a byte sequence is a known binary file type, or null. Looks only at the first
 * bytes; `at(i)` returns a byte value 0–255 (or the UTF-16 code unit of a string input, so a
 * PDF pasted as text is recognised too).
 */
export function knownBinaryType(length: number, at: (index: number) => number): string | null {
  for (const { magic, reason } of SIGNATURES) {
    if (length >= magic.length && magic.every((byte, index) => at(index) === byte)) return reason;
  }
  return null;
}

const MARKUP_START = /^<(?:!doctype\s+html|html|head|body|meta|script|title|!--)[\s>]/i;
const XML_START = /^<\?xml[\s?]/i;
const HTML_TAG = /<(?:html|body|div|p|a|span|table|script)[\s>]/i;
/** How much of the text the markup and control-character checks look at. */
const SNIFF_CHARS = 64 * 1024;

/**
 * The reason a decoded text is markup rather than a dump, or null. A dump never starts with
 * `<`; markup is recognised by its opening tag or, for fragments, by common tags near the start.
 */
export function markupReason(text: string): string | null {
  const head = text.slice(0, SNIFF_CHARS).trimStart();
  if (!head.startsWith('<')) return null;
  if (MARKUP_START.test(head)) return 'looks like an HTML page, not a listing dump';
  if (XML_START.test(head)) return 'looks like an XML document, not a listing dump';
  if (HTML_TAG.test(head.slice(0, 4096))) return 'looks like an HTML page, not a listing dump';
  return null;
}

/**
 * True when the start of the text is dominated by characters that plain text does not contain:
 * C0 controls other than tab/line breaks/form feed, DEL, and U+FFFD (what invalid UTF-8 decodes
 * to). More than 1% of the first 64 Ki characters (and at least 4) counts as binary. Only a prefix
 * is inspected to keep the cost constant; NUL bytes anywhere are checked separately (cheaply).
 */
export function looksBinary(text: string): boolean {
  const end = Math.min(text.length, SNIFF_CHARS);
  let suspicious = 0;
  for (let i = 0; i < end; i += 1) {
    const code = text.charCodeAt(i);
    if (
      (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) ||
      code === 0x7f ||
      code === 0xfffd
    ) {
      suspicious += 1;
    }
  }
  return suspicious >= 4 && suspicious * 100 > end;
}
