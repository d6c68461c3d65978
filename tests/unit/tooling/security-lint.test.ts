import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runElectronegativity } from '../../../scripts/lib/electronegativity';
import {
  findingsFromSarif,
  parseAllowList,
  reviewFindings,
  type AllowedFinding,
} from '../../../scripts/lib/sarif-review';

const SOURCES: Record<string, readonly string[]> = {
  'src/main/window.ts': ['import x;', '  if (ok) void shell.openExternal(url);'],
  'src/main/index.ts': [
    'const w = new BrowserWindow({ webPreferences: { nodeIntegration: true } });',
  ],
};

function result(rule: string, uri: string, line: number, column: number) {
  return {
    ruleId: rule,
    message: { text: `${rule} message` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri },
          region: { startLine: line, startColumn: column },
        },
      },
    ],
  };
}

const SARIF = {
  runs: [
    {
      results: [
        result('OPEN_EXTERNAL_JS_CHECK', 'main/window.ts', 2, 16),
        result('NODE_INTEGRATION_JS_CHECK', 'main/index.ts', 1, 11),
      ],
    },
  ],
};

const readLines = (file: string): readonly string[] => SOURCES[file] ?? [];

const OPEN_EXTERNAL: AllowedFinding = {
  rule: 'OPEN_EXTERNAL_JS_CHECK',
  file: 'src/main/window.ts',
  code: 'shell.openExternal(url)',
  reason: 'guarded by isHttpUrl',
};

describe('findingsFromSarif', () => {
  it('reads rule, file under the scanned root, line and the flagged code', () => {
    expect(findingsFromSarif(SARIF, 'src', readLines)).toEqual([
      {
        rule: 'OPEN_EXTERNAL_JS_CHECK',
        file: 'src/main/window.ts',
        line: 2,
        message: 'OPEN_EXTERNAL_JS_CHECK message',
        code: 'shell.openExternal(url);',
      },
      {
        rule: 'NODE_INTEGRATION_JS_CHECK',
        file: 'src/main/index.ts',
        line: 1,
        message: 'NODE_INTEGRATION_JS_CHECK message',
        code: 'new BrowserWindow({ webPreferences: { nodeIntegration: true } });',
      },
    ]);
  });

  it('keeps findings without a source file (such as "no CSP at all")', () => {
    const sarif = { runs: [{ results: [result('CSP_GLOBAL_CHECK', 'file:///', 0, 0)] }] };
    expect(findingsFromSarif(sarif, 'src', readLines)).toEqual([
      {
        rule: 'CSP_GLOBAL_CHECK',
        file: 'file:///',
        line: 0,
        message: 'CSP_GLOBAL_CHECK message',
        code: '',
      },
    ]);
  });
});

describe('reviewFindings', () => {
  const findings = findingsFromSarif(SARIF, 'src', readLines);

  it('fails every finding the allow-list does not cover', () => {
    const { unexpected, stale } = reviewFindings(findings, [OPEN_EXTERNAL]);
    expect(unexpected.map((f) => f.rule)).toEqual(['NODE_INTEGRATION_JS_CHECK']);
    expect(stale).toEqual([]);
  });

  it('matches by rule, file and code, so an entry covers no other call', () => {
    const elsewhere = { ...OPEN_EXTERNAL, file: 'src/main/index.ts' };
    const otherCode = { ...OPEN_EXTERNAL, code: 'shell.openExternal(other)' };
    const { unexpected, stale } = reviewFindings(findings, [elsewhere, otherCode]);
    expect(unexpected).toHaveLength(2);
    expect(stale).toEqual([elsewhere, otherCode]);
  });
});

describe('parseAllowList', () => {
  it('requires a reason (and rule, file, code) for every entry', () => {
    expect(parseAllowList({ allow: [OPEN_EXTERNAL] })).toEqual([OPEN_EXTERNAL]);
    expect(() => parseAllowList({ allow: [{ ...OPEN_EXTERNAL, reason: ' ' }] })).toThrow(
      'allow-list entry 1 needs a non-empty "reason"',
    );
    expect(() => parseAllowList({})).toThrow('needs an "allow" array');
  });

  it("accepts this project's allow-list", async () => {
    const list = parseAllowList(
      JSON.parse(await readFile('electronegativity-allowlist.json', 'utf8')),
    );
    expect(list.length).toBeGreaterThan(0);
  });
});

describe('runElectronegativity (offline)', () => {
  it('finds nodeIntegration and a missing CSP in an insecure app', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'pq-electronegativity-'));
    try {
      await writeFile(
        join(folder, 'main.js'),
        "const { BrowserWindow } = require('electron');\n" +
          'new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });\n',
      );
      const sarifPath = join(folder, 'report.sarif');
      const { sarif, unparsed } = await runElectronegativity(folder, sarifPath, '45.5.0');
      expect(unparsed).toEqual([]);
      expect(JSON.parse(await readFile(sarifPath, 'utf8'))).toEqual(sarif);
      const rules = findingsFromSarif(sarif, folder, () => []).map((f) => f.rule);
      expect(rules).toEqual(
        expect.arrayContaining([
          'NODE_INTEGRATION_JS_CHECK',
          'CONTEXT_ISOLATION_JS_CHECK',
          'CSP_GLOBAL_CHECK',
        ]),
      );
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
