/** One finding of a SARIF report, with the source text it points at. */
export interface Finding {
  readonly rule: string;
  /** Path relative to the project root. */
  readonly file: string;
  readonly line: number;
  readonly message: string;
  /** The flagged line from the finding's column on, without leading blanks. */
  readonly code: string;
}

/** A reviewed finding: the rule, the file and the start of the flagged code, and why it is fine. */
export interface AllowedFinding {
  readonly rule: string;
  readonly file: string;
  readonly code: string;
  readonly reason: string;
}

interface SarifResult {
  readonly ruleId?: string;
  readonly message?: { readonly text?: string };
  readonly locations?: readonly {
    readonly physicalLocation?: {
      readonly artifactLocation?: { readonly uri?: string };
      readonly region?: { readonly startLine?: number; readonly startColumn?: number };
    };
  }[];
}

/**
 * Reads the findings of a SARIF 2.1 report. `root` prefixes the report's relative paths;
 * `readLines` returns a file's lines, so each finding carries the code it points at (line
 * numbers move with every edit, the code does not).
 */
export function findingsFromSarif(
  sarif: unknown,
  root: string,
  readLines: (file: string) => readonly string[],
): Finding[] {
  const runs = (sarif as { runs?: readonly { results?: readonly SarifResult[] }[] }).runs ?? [];
  return runs.flatMap((run) =>
    (run.results ?? []).map((result) => {
      const location = result.locations?.[0]?.physicalLocation;
      const uri = location?.artifactLocation?.uri ?? '';
      const file = uri === '' || uri.startsWith('file:') ? uri : `${root}/${uri}`;
      const line = location?.region?.startLine ?? 0;
      const column = location?.region?.startColumn ?? 1;
      const text = line > 0 && !uri.startsWith('file:') ? (readLines(file)[line - 1] ?? '') : '';
      return {
        rule: result.ruleId ?? 'unknown rule',
        file,
        line,
        message: result.message?.text ?? '',
        code: text.slice(Math.max(0, column - 1)).trimStart(),
      };
    }),
  );
}

/** Parses the allow-list file; every entry needs a rule, a file, the code and a reason. */
export function parseAllowList(json: unknown): AllowedFinding[] {
  const entries = (json as { allow?: unknown }).allow;
  if (!Array.isArray(entries)) throw new Error('the allow-list needs an "allow" array');
  return entries.map((entry: unknown, index) => {
    const fields = entry as Partial<Record<keyof AllowedFinding, unknown>>;
    for (const key of ['rule', 'file', 'code', 'reason'] as const) {
      const value = fields[key];
      if (typeof value !== 'string' || value.trim() === '') {
        throw new Error(`allow-list entry ${index + 1} needs a non-empty "${key}"`);
      }
    }
    return fields as AllowedFinding;
  });
}

const matches = (finding: Finding, allowed: AllowedFinding): boolean =>
  finding.rule === allowed.rule &&
  finding.file === allowed.file &&
  finding.code.startsWith(allowed.code);

/**
 * Splits findings into those no allow-list entry covers (each fails the lint) and allow-list
 * entries that cover nothing any more (stale: they fail it too, so the list stays honest).
 */
export function reviewFindings(
  findings: readonly Finding[],
  allowList: readonly AllowedFinding[],
): { readonly unexpected: Finding[]; readonly stale: AllowedFinding[] } {
  return {
    unexpected: findings.filter((finding) => !allowList.some((a) => matches(finding, a))),
    stale: allowList.filter((allowed) => !findings.some((f) => matches(f, allowed))),
  };
}
