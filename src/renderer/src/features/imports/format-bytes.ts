const UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'] as const;

/**
 * A byte count in the largest binary unit that keeps it at least 1, with one decimal below 10
 * and none above ("1.2 MB", "10 GB", "512 bytes"); "?" when unknown.
 */
export function formatBytes(bytes: number | null): string {
  if (bytes === null || !Number.isFinite(bytes) || bytes < 0) return '?';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  if (unit === 0) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const digits = value < 10 && Math.round(value * 10) % 10 !== 0 ? 1 : 0;
  return `${value.toFixed(digits)} ${UNITS[unit]}`;
}
