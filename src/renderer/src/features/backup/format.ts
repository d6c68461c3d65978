import type { BackupKind } from '../../../../shared/backup-format';

/** "1.2 MB", "340 KB", "12 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** A local date and time without seconds: "2025-04-20 14:03". */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Local calendar day of a time, for "one snapshot a day". */
export function localDay(date: Date): string {
  return formatTime(date.toISOString()).slice(0, 10);
}

/** How each kind of backup is named in the UI. */
export const KIND_LABELS: Readonly<Record<BackupKind, string>> = {
  manual: 'Backup',
  daily: 'Daily',
  'pre-upgrade': 'Before upgrade',
  'pre-restore': 'Before restore',
};

/** "1 paper", "2 papers". */
export function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en')} ${noun}${count === 1 ? '' : 's'}`;
}
