// A fixed set of findings for every reporter test: file, staged, commit and stdin origins, both
// severities, paths with characters that each format must escape. The raw "secrets" are plain
// marker strings (no real token format), so the repository holds nothing that looks live.
import type { Finding, ScanStats } from '../../src/engine/types.js';
import type { ReportContext, RuleInfo, SuppressedFinding } from '../../src/report/types.js';

export const SECRETS = {
  pat: 'RAWSECRET-pat-7f3a9c1e5b2d4a60',
  weird: 'RAWSECRET-weird-c0ffee15c0ffee15',
  staged: 'RAWSECRET-staged-0a1b2c3d4e5f6789',
  commit: 'RAWSECRET-commit-deadbeefcafef00d',
  stdin: 'RAWSECRET-stdin-1234567890abcdef',
  suppressed: 'RAWSECRET-suppressed-fedcba9876543210',
} as const;

export const WEIRD_PATH = `we"ird dir/<a&b>'c' 100%:x,y=1.env`;
export const COMMIT_SHA = '3f1c2b9a8e7d6c5b4a3928171615141312111009';

export const RULES: ReadonlyMap<string, RuleInfo> = new Map<string, RuleInfo>([
  [
    'github-pat-classic',
    {
      id: 'github-pat-classic',
      name: 'GitHub personal access token (classic)',
      severity: 'error',
      description: 'A classic GitHub personal access token grants API access as its owner.',
      references: ['https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/'],
    },
  ],
  [
    'generic-api-key',
    { id: 'generic-api-key', name: 'Generic API key', severity: 'warn', references: [] },
  ],
  [
    'aws-access-key-id',
    {
      id: 'aws-access-key-id',
      name: 'AWS access key ID',
      severity: 'error',
      description: 'An AWS access key ID, half of an AWS credential pair.',
      references: [
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html',
        'https://awsteele.com/blog/2020/09/26/aws-access-key-format.html',
      ],
    },
  ],
]);

type Secrets = Record<keyof typeof SECRETS, string | undefined>;

function build(secrets: Secrets): { findings: Finding[]; suppressed: SuppressedFinding[] } {
  const withSecret = <T extends Finding>(f: T, s: string | undefined): T => (s === undefined ? f : { ...f, secret: s });
  const findings: Finding[] = [
    withSecret<Finding>(
      {
        ruleId: 'aws-access-key-id',
        ruleName: 'AWS access key ID',
        severity: 'error',
        origin: { kind: 'staged', path: '.env' },
        line: 3,
        column: 19,
        endLine: 3,
        endColumn: 52,
        masked: 'RAWS••••6789',
        fingerprint: '11111111111111111111111111111111',
        notes: ['AWS account 123456789012'],
      },
      secrets.staged,
    ),
    withSecret<Finding>(
      {
        ruleId: 'github-pat-classic',
        ruleName: 'GitHub personal access token (classic)',
        severity: 'error',
        origin: { kind: 'commit', path: 'old/keys.yaml', commit: COMMIT_SHA, author: 'Ada Lovelace', email: 'ada@example.org', date: '2024-03-05T10:20:30+01:00' },
        line: 12,
        column: 9,
        endLine: 12,
        endColumn: 42,
        masked: 'RAWS••••f00d',
        fingerprint: '22222222222222222222222222222222',
        notes: ['checksum valid'],
      },
      secrets.commit,
    ),
    withSecret<Finding>(
      {
        ruleId: 'github-pat-classic',
        ruleName: 'GitHub personal access token (classic)',
        severity: 'error',
        origin: { kind: 'file', path: 'src/config.ts' },
        line: 7,
        column: 17,
        endLine: 7,
        endColumn: 48,
        masked: 'RAWS••••4a60',
        fingerprint: '33333333333333333333333333333333',
        notes: ['checksum valid'],
      },
      secrets.pat,
    ),
    withSecret<Finding>(
      {
        ruleId: 'generic-api-key',
        ruleName: 'Generic API key',
        severity: 'warn',
        origin: { kind: 'file', path: 'src/config.ts' },
        line: 21,
        column: 1,
        endLine: 21,
        endColumn: 33,
        masked: 'RAWS••••ef15',
        fingerprint: '44444444444444444444444444444444',
        notes: [],
      },
      secrets.weird,
    ),
    withSecret<Finding>(
      {
        ruleId: 'generic-api-key',
        ruleName: 'Generic API key',
        severity: 'warn',
        origin: { kind: 'file', path: WEIRD_PATH },
        line: 2,
        column: 5,
        endLine: 3,
        endColumn: 4,
        masked: 'RAWS••••ef15',
        fingerprint: '44444444444444444444444444444444',
        notes: ['note with "quotes", commas, and\nnewline'],
      },
      secrets.weird,
    ),
    withSecret<Finding>(
      {
        ruleId: 'generic-api-key',
        ruleName: 'Generic API key',
        severity: 'warn',
        origin: { kind: 'stdin', path: '<stdin>' },
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 33,
        masked: 'RAWS••••cdef',
        fingerprint: '55555555555555555555555555555555',
        notes: [],
      },
      secrets.stdin,
    ),
  ];
  const suppressed: SuppressedFinding[] = [
    withSecret<SuppressedFinding>(
      {
        ruleId: 'generic-api-key',
        ruleName: 'Generic API key',
        severity: 'warn',
        origin: { kind: 'file', path: 'test/fixtures/sample.env' },
        line: 4,
        column: 8,
        endLine: 4,
        endColumn: 44,
        masked: 'RAWS••••3210',
        fingerprint: '66666666666666666666666666666666',
        notes: [],
        reason: 'test fixture',
        via: 'allowlisted',
      },
      secrets.suppressed,
    ),
  ];
  // The engine hands reporters findings sorted by path, line, column, rule.
  findings.sort((a, b) =>
    a.origin.path < b.origin.path ? -1 : a.origin.path > b.origin.path ? 1 : a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : 1),
  );
  return { findings, suppressed };
}

export const STATS: ScanStats = {
  filesScanned: 42,
  bytesScanned: 123_456,
  skipped: { binary: 3, tooLarge: 1, unreadable: 0, other: 0 },
  rejected: { 'bad-checksum': 9, placeholder: 3, baseline: 2, allowlisted: 1, 'not-added-line': 5 },
  elapsedMs: 1234,
};

export const FINISHED_AT = new Date('2025-01-02T03:04:05.678Z');

/** The fixed context; `unmask` adds the raw secrets as --unmask would. */
export function fixtureContext(opts: { unmask?: boolean; color?: boolean; showSuppressed?: boolean } = {}): ReportContext {
  const none: Secrets = { pat: undefined, weird: undefined, staged: undefined, commit: undefined, stdin: undefined, suppressed: undefined };
  const { findings, suppressed } = build(opts.unmask ? { ...SECRETS } : none);
  return {
    findings,
    suppressed,
    stats: STATS,
    rules: RULES,
    color: opts.color ?? false,
    toolVersion: '0.1.0',
    scanTarget: '/work/project',
    showSuppressed: opts.showSuppressed ?? false,
    finishedAt: FINISHED_AT,
  };
}

export function cleanContext(): ReportContext {
  return {
    findings: [],
    suppressed: [],
    stats: { ...STATS, skipped: { binary: 0, tooLarge: 0, unreadable: 0, other: 0 }, rejected: {} },
    rules: RULES,
    color: false,
    toolVersion: '0.1.0',
    scanTarget: '.',
    finishedAt: FINISHED_AT,
  };
}
