import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import {
  BackupRefusal,
  parseHeaderLine,
  parseTrailerLine,
  type BackupHeader,
  type BackupTrailer,
} from '../../../shared/backup-format';
import type { ReadChunk } from '../../../shared/backup-types';

/** Longest first line accepted: a header is a few hundred bytes; a huge line is not a backup. */
const MAX_HEADER_BYTES = 64 * 1024;
/** Longest trailer line accepted. */
const MAX_TRAILER_BYTES = 64 * 1024;
/** Bytes of whole lines handed to the renderer per `read`. */
const CHUNK_BYTES = 1024 * 1024;

/** Where the parts of a checked backup file are. */
interface Layout {
  readonly header: BackupHeader;
  readonly trailer: BackupTrailer;
  /** Byte offset of the first record line. */
  readonly bodyStart: number;
  /** Byte offset just after the last record line (= start of the trailer line). */
  readonly bodyEnd: number;
}

async function readRange(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/** Reads the first line and the last line and checks both. */
async function readEnvelope(handle: FileHandle, size: number): Promise<Layout> {
  const head = await readRange(handle, 0, Math.min(size, MAX_HEADER_BYTES));
  const headerEnd = head.indexOf(10);
  if (headerEnd === -1) {
    if (head.subarray(0, 10).toString('utf8').startsWith('{"format":'))
      throw new BackupRefusal('The backup is incomplete: the file ends inside its first line.');
    throw new BackupRefusal('This file is not a Paper Queue backup.');
  }
  const header = parseHeaderLine(head.subarray(0, headerEnd).toString('utf8'));
  const bodyStart = headerEnd + 1;
  const tailLength = Math.min(size - bodyStart, MAX_TRAILER_BYTES);
  const tail = await readRange(handle, size - tailLength, tailLength);
  if (tail.length === 0 || tail[tail.length - 1] !== 10) parseTrailerLine('');
  const lastBreak = tail.lastIndexOf(10, tail.length - 2);
  const trailerStart =
    lastBreak === -1 ? (tailLength === size - bodyStart ? 0 : -1) : lastBreak + 1;
  if (trailerStart === -1) parseTrailerLine('');
  const trailer = parseTrailerLine(tail.subarray(trailerStart, tail.length - 1).toString('utf8'));
  return { header, trailer, bodyStart, bodyEnd: size - tailLength + trailerStart };
}

/** Hashes and counts the record lines between the envelope lines. */
async function checkBody(path: string, layout: Layout): Promise<void> {
  const hash = createHash('sha256');
  let lines = 0;
  if (layout.bodyEnd > layout.bodyStart) {
    const stream = createReadStream(path, {
      start: layout.bodyStart,
      end: layout.bodyEnd - 1,
      highWaterMark: CHUNK_BYTES,
    });
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      hash.update(chunk);
      for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines += 1;
    }
  }
  if (lines !== layout.trailer.records) {
    throw new BackupRefusal(
      `The backup is damaged: it should hold ${layout.trailer.records} records but holds ${lines}.`,
    );
  }
  if (hash.digest('hex') !== layout.trailer.sha256) {
    throw new BackupRefusal(
      'The backup is damaged: its contents do not match its checksum (the file was changed or corrupted after it was written).',
    );
  }
}

/**
 * An open backup file whose envelope, record count and checksum have been verified; serves its
 * record lines in chunks of whole lines. Opening refuses (with `BackupRefusal`) a foreign file, a
 * newer format version, a truncated or a damaged file before a single record is handed out.
 */
export class BackupFileReader {
  readonly id = randomUUID();
  private position: number;
  private nextLine = 2;
  lastActivity = Date.now();

  private constructor(
    private readonly handle: FileHandle,
    readonly bytes: number,
    readonly header: BackupHeader,
    readonly trailer: BackupTrailer,
    private readonly bodyEnd: number,
    bodyStart: number,
  ) {
    this.position = bodyStart;
  }

  /** Opens and verifies `path`; throws `BackupRefusal` or a file-system error. */
  static async open(path: string): Promise<BackupFileReader> {
    // Checked before opening: opening a FIFO or a device would block or never end.
    if (!(await stat(path)).isFile()) throw new BackupRefusal('This is not a file.');
    const handle = await open(path, 'r');
    try {
      const stats = await handle.stat();
      if (!stats.isFile()) throw new BackupRefusal('This is not a file.');
      if (stats.size === 0) throw new BackupRefusal('This file is empty.');
      const layout = await readEnvelope(handle, stats.size);
      await checkBody(path, layout);
      return new BackupFileReader(
        handle,
        stats.size,
        layout.header,
        layout.trailer,
        layout.bodyEnd,
        layout.bodyStart,
      );
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /** The next whole record lines (about 1 MB), or `done` with no text at the end. */
  async read(): Promise<ReadChunk> {
    this.lastActivity = Date.now();
    const firstLine = this.nextLine;
    if (this.position >= this.bodyEnd) return { text: '', firstLine, done: true };
    let length = Math.min(CHUNK_BYTES, this.bodyEnd - this.position);
    let buffer = await readRange(this.handle, this.position, length);
    let end = buffer.lastIndexOf(10) + 1;
    while (end === 0) {
      // A single line longer than the chunk (a paper with a 200k-character note): read more.
      if (length === this.bodyEnd - this.position)
        throw new BackupRefusal('The backup file changed while it was being read.');
      length = Math.min(length * 2, this.bodyEnd - this.position);
      buffer = await readRange(this.handle, this.position, length);
      end = buffer.lastIndexOf(10) + 1;
    }
    const slice = buffer.subarray(0, end);
    this.position += end;
    for (let at = slice.indexOf(10); at !== -1; at = slice.indexOf(10, at + 1)) this.nextLine += 1;
    return { text: slice.toString('utf8'), firstLine, done: false };
  }

  close(): Promise<void> {
    return this.handle.close();
  }
}
