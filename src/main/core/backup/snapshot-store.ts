import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { SNAPSHOT_KINDS, type SnapshotKind } from '../../../shared/backup-format';
import type { SnapshotInfo } from '../../../shared/backup-types';
import { TEMP_SUFFIX } from './write-session';

/** Daily snapshots kept: the newest of each of the last 7 days that have one. */
export const KEEP_DAILY = 7;
/** Weekly snapshots kept beyond the daily ones: the newest of each of the 4 weeks before. */
export const KEEP_WEEKLY = 4;
/** Snapshots kept of each event kind (before an upgrade, before a restore). */
export const KEEP_PER_EVENT_KIND = 5;
/** A temporary file older than this belongs to a write that died with the app. */
const STALE_TEMP_MS = 60 * 60 * 1000;

const NAME =
  /^paper-queue-(daily|pre-upgrade|pre-restore)-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)\.json$/;

/** File name of a snapshot of `kind` taken at `at`: sortable, no characters any OS refuses. */
export function snapshotFileName(kind: SnapshotKind, at: Date): string {
  return `paper-queue-${kind}-${at.toISOString().replace(/[:.]/g, '-')}.json`;
}

/** The kind and time a snapshot file name encodes, or null for any other file. */
export function parseSnapshotName(
  name: string,
): { readonly kind: SnapshotKind; readonly createdAt: string } | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const [, kind, stamp] = match as unknown as [string, SnapshotKind, string];
  const iso = stamp.replace(/^(.{10}T)(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, '$1$2:$3:$4.$5Z');
  return SNAPSHOT_KINDS.includes(kind) ? { kind, createdAt: iso } : null;
}

/** Local calendar day of an ISO time, `YYYY-MM-DD`. */
function localDay(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Monday (local) of the week of an ISO time, `YYYY-MM-DD`: the key of its week. */
function localWeek(iso: string): string {
  const date = new Date(iso);
  date.setDate(date.getDate() - ((date.getDay() + 6) % 7));
  return localDay(date.toISOString());
}

/** Newest snapshot per key, for the `limit` newest keys (input sorted newest first). */
function newestPerKey(
  snapshots: readonly SnapshotInfo[],
  key: (snapshot: SnapshotInfo) => string,
  limit: number,
): SnapshotInfo[] {
  const kept = new Map<string, SnapshotInfo>();
  for (const snapshot of snapshots) {
    const k = key(snapshot);
    if (!kept.has(k)) {
      if (kept.size === limit) break;
      kept.set(k, snapshot);
    }
  }
  return [...kept.values()];
}

/**
 * The snapshots rotation removes. Daily snapshots: the newest of each of the last `KEEP_DAILY`
 * days that have one are kept, then, among the older ones, the newest of each of the
 * `KEEP_WEEKLY` most recent weeks (so about five weeks are covered by at most eleven files).
 * Snapshots taken before an upgrade or a restore: the newest `KEEP_PER_EVENT_KIND` of each kind.
 */
export function snapshotsToRemove(snapshots: readonly SnapshotInfo[]): SnapshotInfo[] {
  const newestFirst = [...snapshots].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  const daily = newestFirst.filter((snapshot) => snapshot.kind === 'daily');
  const keep = new Set(newestPerKey(daily, (s) => localDay(s.createdAt), KEEP_DAILY));
  const keptDays = new Set([...keep].map((s) => localDay(s.createdAt)));
  const older = daily.filter((snapshot) => !keptDays.has(localDay(snapshot.createdAt)));
  for (const weekly of newestPerKey(older, (s) => localWeek(s.createdAt), KEEP_WEEKLY))
    keep.add(weekly);
  for (const kind of SNAPSHOT_KINDS.filter((k) => k !== 'daily')) {
    for (const event of newestFirst.filter((s) => s.kind === kind).slice(0, KEEP_PER_EVENT_KIND))
      keep.add(event);
  }
  return newestFirst.filter((snapshot) => !keep.has(snapshot));
}

/** The snapshots folder in the user-data folder: naming, listing and rotation. */
export class SnapshotStore {
  constructor(readonly folder: string) {}

  /** Creates the folder if needed. */
  async ensure(): Promise<void> {
    await mkdir(this.folder, { recursive: true });
  }

  /** Path of a snapshot by its name (a name from `list`; callers validate it first). */
  pathOf(name: string): string {
    return join(this.folder, name);
  }

  /** Every snapshot, newest first; also removes temporary files left by writes that died. */
  async list(now: number = Date.now()): Promise<SnapshotInfo[]> {
    await this.ensure();
    const snapshots: SnapshotInfo[] = [];
    for (const name of await readdir(this.folder)) {
      const parsed = parseSnapshotName(name);
      const isTemp = name.startsWith('.') && name.endsWith(TEMP_SUFFIX);
      if (!parsed && !isTemp) continue;
      const info = await stat(join(this.folder, name)).catch(() => null);
      if (!info?.isFile()) continue;
      if (isTemp) {
        if (now - info.mtimeMs > STALE_TEMP_MS) await rm(join(this.folder, name), { force: true });
      } else if (parsed) {
        snapshots.push({ name, ...parsed, bytes: info.size });
      }
    }
    return snapshots.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  }

  /** Applies `snapshotsToRemove`; returns the names removed. */
  async rotate(): Promise<string[]> {
    const removed = snapshotsToRemove(await this.list());
    for (const snapshot of removed) await rm(this.pathOf(snapshot.name), { force: true });
    return removed.map((snapshot) => snapshot.name);
  }
}
