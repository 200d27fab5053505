// SARIF 2.1.0 as GitHub code scanning ingests it.
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, Severity } from '../engine/types.js';
import { ruleInfo, shortSha, shownValue, TOOL_NAME, TOOL_URI } from './common.js';
import type { ReportContext, Reporter, RuleInfo, SuppressedFinding } from './types.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

/** GitHub maps security-severity to Critical (>= 9), High (7-8.9), Medium (4-6.9), Low. */
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warn: '5.0' };
const LEVEL: Record<Severity, 'error' | 'warning'> = { error: 'error', warn: 'warning' };

/** `GitHub personal access token (classic)` -> `GitHubPersonalAccessTokenClassic`. */
export function pascalName(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter((w) => w.length > 0);
  const joined = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
  return joined.length > 0 ? joined : 'Secret';
}

/** A relative URI reference: `/` separators, each segment percent-encoded (spaces, `:`, `#`, `%`...). */
export function relativeUri(path: string): string {
  const clean = path.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/^\/+/, '');
  return clean.split('/').map(encodeURIComponent).join('/');
}

function ruleDescriptor(rule: RuleInfo): Record<string, unknown> {
  const full = rule.description ?? `${rule.name}.`;
  const advice = 'Revoke and rotate the credential, then remove it from the code and its history.';
  const refs = rule.references.length > 0 ? ['', 'References:', ...rule.references] : [];
  const d: Record<string, unknown> = {
    id: rule.id,
    name: pascalName(rule.name),
    shortDescription: { text: rule.name },
    fullDescription: { text: full },
  };
  const first = rule.references[0];
  if (first !== undefined) d['helpUri'] = first;
  d['help'] = { text: [full, '', advice, ...refs].join('\n') };
  d['defaultConfiguration'] = { level: LEVEL[rule.severity] };
  d['properties'] = { tags: ['security', 'secret'], precision: 'high', 'security-severity': SECURITY_SEVERITY[rule.severity] };
  return d;
}

function message(f: Finding): string {
  const notes = f.notes.length > 0 ? ` (${f.notes.join('; ')})` : '';
  const where = f.origin.kind === 'commit' ? ` in commit ${shortSha(f.origin.commit)}` : '';
  return `${f.ruleName} found${where}: ${shownValue(f)}${notes}`;
}

function result(f: Finding, ruleIndex: number, suppression?: SuppressedFinding): Record<string, unknown> {
  const r: Record<string, unknown> = {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: message(f) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: relativeUri(f.origin.path), uriBaseId: SRCROOT },
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
        },
      },
    ],
    partialFingerprints: { 'keyhound/v1': f.fingerprint },
  };
  if (suppression) {
    r['suppressions'] = [
      {
        kind: suppression.via.startsWith('inline') ? 'inSource' : 'external',
        justification: `${suppression.via}: ${suppression.reason}`,
      },
    ];
  }
  const props: Record<string, unknown> = { source: f.origin.kind };
  if (f.origin.kind === 'commit') {
    props['commit'] = f.origin.commit;
    props['author'] = f.origin.author;
    props['date'] = f.origin.date;
  }
  r['properties'] = props;
  return r;
}

function render(ctx: ReportContext): string {
  const suppressed = ctx.suppressed ?? [];
  const all: Finding[] = [...ctx.findings, ...suppressed];
  const ruleById = new Map<string, RuleInfo>();
  for (const f of all) if (!ruleById.has(f.ruleId)) ruleById.set(f.ruleId, ruleInfo(ctx, f));
  const ruleIds = [...ruleById.keys()].sort();
  const index = new Map(ruleIds.map((id, i) => [id, i]));
  const idx = (f: Finding): number => index.get(f.ruleId) ?? -1;

  const srcroot: Record<string, unknown> = { description: { text: `The scanned directory (${ctx.scanTarget})` } };
  if (isAbsolute(ctx.scanTarget)) {
    const href = pathToFileURL(ctx.scanTarget).href;
    srcroot['uri'] = href.endsWith('/') ? href : `${href}/`;
  }

  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            informationUri: TOOL_URI,
            semanticVersion: ctx.toolVersion,
            rules: ruleIds.map((id) => ruleDescriptor(ruleById.get(id) as RuleInfo)),
          },
        },
        originalUriBaseIds: { [SRCROOT]: srcroot },
        columnKind: 'utf16CodeUnits',
        // Warnings (a rule skipped on a file after its time budget) belong to the run, not to a result.
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: (ctx.stats.warnings ?? []).map((text) => ({ level: 'warning', message: { text } })),
          },
        ],
        results: [...ctx.findings.map((f) => result(f, idx(f))), ...suppressed.map((s) => result(s, idx(s), s))],
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

export const sarif: Reporter = {
  name: 'sarif',
  description: 'SARIF 2.1.0 for GitHub code scanning and other static-analysis viewers',
  fileExtension: '.sarif',
  render,
};
