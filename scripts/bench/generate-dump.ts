import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Title/abstract pairs taken from the compact sample dumps (title line, abstract line). */
function samplePairs(): { title: string; abstract: string }[] {
  const pairs: { title: string; abstract: string }[] = [];
  for (const name of ['003_cfea0d4cd2e8713d.txt', '004_6aff70414c2ac89e.txt']) {
    const lines = readFileSync(join('tests/fixtures', name), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('Get trending papers'));
    const first = lines[0];
    if (first) lines[0] = first.replace(/^Subscribe/, '');
    for (let i = 0; i + 1 < lines.length; i += 2)
      pairs.push({ title: lines[i] ?? '', abstract: lines[i + 1] ?? '' });
  }
  return pairs;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

let cachedPairs: { title: string; abstract: string }[] | null = null;

/** The sample title/abstract pair for generated paper `serial`, its title made unique. */
function generatedPaper(serial: number): { title: string; abstract: string } {
  cachedPairs ??= samplePairs();
  const pair = cachedPairs[serial % cachedPairs.length] ?? { title: 'Untitled', abstract: '-' };
  return { title: `${pair.title} (part ${serial})`, abstract: pair.abstract };
}

/** The unique title of generated paper `serial` (the same in both layouts). */
export function generatedTitle(serial: number): string {
  return generatedPaper(serial).title;
}

/**
 * A page-format listing dump with `count` distinct papers (titles get a serial suffix) built from
 * the real samples, with authors/organisation lines, dates and upvotes like the real thing.
 * `offset` shifts the serial numbers so several dumps hold different papers.
 */
export function generatePageDump(count: number, offset = 0, listingDay = 'Apr 17'): string {
  const parts = [
    'new',
    '',
    'Get trending papers in your email inbox!',
    '',
    'Subscribe',
    '',
    'Daily Papers',
    '',
    'byAK and the research community',
    '',
    listingDay,
    '',
  ];
  for (let i = 0; i < count; i++) {
    const serial = i + offset;
    const { title, abstract } = generatedPaper(serial);
    const byline = serial % 7 === 0 ? 'openbmb OpenBMB' : `  • ${(serial % 12) + 1} authors`;
    const date = `${MONTHS[serial % 12]} ${(serial % 28) + 1}, ${2019 + (serial % 7)}${serial % 5 === 0 ? ` ${serial % 40}` : ''}`;
    parts.push(title, '', abstract, '', byline, '·', date, '');
  }
  return parts.join('\n');
}

/**
 * A compact-format dump (two header lines, `Subscribe` glued to the first title, then title and
 * abstract lines) of `count` distinct papers, numbered like `generatePageDump`'s.
 */
export function generateCompactDump(count: number, offset = 0): string {
  const lines = [
    'Get trending papers in your email inbox once a day!',
    'Get trending papers in your email inbox!',
  ];
  for (let i = 0; i < count; i++) {
    const { title, abstract } = generatedPaper(i + offset);
    lines.push(i === 0 ? `Subscribe${title}` : title, abstract);
  }
  return `${lines.join('\n')}\n`;
}

/** Listing day text (`Apr 17`) for the `index`-th day of a year of listings. */
export function listingDay(index: number): string {
  const date = new Date(Date.UTC(2025, 0, 1 + index));
  return `${MONTHS[date.getUTCMonth()] ?? 'Jan'} ${date.getUTCDate()}`;
}
