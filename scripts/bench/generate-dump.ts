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

/**
 * A page-format listing dump with `count` distinct papers (titles get a serial suffix) built from
 * the real samples, with authors/organisation lines, dates and upvotes like the real thing.
 * `offset` shifts the serial numbers so several dumps hold different papers.
 */
export function generatePageDump(count: number, offset = 0): string {
  const pairs = samplePairs();
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
    'Apr 17',
    '',
  ];
  const months = [
    'Jan',
    'Feb',
    'Mar',
    'Apr',
    'May',
    'Jun',
    'Jul',
    'Aug',
    'Sep',
    'Oct',
    'Nov',
    'Dec',
  ];
  for (let i = 0; i < count; i++) {
    const serial = i + offset;
    const pair = pairs[serial % pairs.length] ?? { title: 'Untitled', abstract: 'No abstract.' };
    const byline = serial % 7 === 0 ? 'openbmb OpenBMB' : `  • ${(serial % 12) + 1} authors`;
    const date = `${months[serial % 12]} ${(serial % 28) + 1}, ${2019 + (serial % 7)}${serial % 5 === 0 ? ` ${serial % 40}` : ''}`;
    parts.push(`${pair.title} (part ${serial})`, '', pair.abstract, '', byline, '·', date, '');
  }
  return parts.join('\n');
}
