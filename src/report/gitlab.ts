// GitLab secret-detection report (gl-secret-detection-report.json), schema 15.2.1.
// The schema requires location.commit.sha; scans outside history use GitLab's own
// placeholder sha "0000000". raw_source_code_extract always holds the masked value.
import { createHash } from 'node:crypto';
import type { Finding, Severity } from '../engine/types.js';
import { ruleInfo, scanTimes, shownValue, TOOL_NAME, TOOL_URI } from './common.js';
import type { ReportContext, Reporter } from './types.js';

export const GITLAB_SCHEMA_VERSION = '15.2.1';
export const NO_COMMIT_SHA = '0000000';
const SEVERITY: Record<Severity, 'Critical' | 'Medium'> = { error: 'Critical', warn: 'Medium' };

/** `yyyy-mm-ddThh:mm:ss` in UTC, the only form the schema accepts. */
export function gitlabTime(d: Date): string {
  return d.toISOString().slice(0, 19);
}

/** UUID-shaped id from fingerprint, path, commit and the occurrence number within those: stable across runs,
 *  unchanged when the secret moves to another line, unique within the report. */
export function vulnerabilityId(f: Finding, occurrence: number): string {
  const commit = f.origin.kind === 'commit' ? f.origin.commit : '';
  const h = createHash('sha256').update(`${f.fingerprint}\0${f.origin.path}\0${commit}\0${occurrence}`).digest('hex');
  const variant = ((parseInt(h.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function render(ctx: ReportContext): string {
  const { start, end } = scanTimes(ctx);
  const tool = { id: TOOL_NAME, name: TOOL_NAME, url: TOOL_URI, version: ctx.toolVersion, vendor: { name: TOOL_NAME } };
  const seen = new Map<string, number>();
  const vulnerabilities = ctx.findings.map((f) => {
    const rule = ruleInfo(ctx, f);
    const key = `${f.fingerprint}\0${f.origin.path}\0${f.origin.kind === 'commit' ? f.origin.commit : ''}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    const commit: Record<string, string> =
      f.origin.kind === 'commit'
        ? { sha: f.origin.commit, author: f.origin.author, date: f.origin.date }
        : { sha: NO_COMMIT_SHA };
    const about = rule.description !== undefined ? `\n\n${rule.description}` : '';
    const notes = f.notes.length > 0 ? `\n\nNotes: ${f.notes.join('; ')}` : '';
    const v: Record<string, unknown> = {
      id: vulnerabilityId(f, occurrence),
      category: 'secret_detection',
      name: rule.name,
      description: `${rule.name} found in ${f.origin.path} at line ${f.line}: ${shownValue(f)}${about}${notes}`,
      severity: SEVERITY[f.severity],
      solution: 'Revoke and rotate the credential, then remove it from the code and its history.',
      scanner: { id: TOOL_NAME, name: TOOL_NAME },
      location: { file: f.origin.path, start_line: f.line, end_line: f.endLine, commit },
      identifiers: [{ type: 'keyhound_rule_id', name: `${TOOL_NAME} rule ${f.ruleId}`, value: f.ruleId }],
      raw_source_code_extract: f.masked,
    };
    const links = rule.references.filter((u) => /^(https?|ftp):\/\/.+/.test(u)).map((url) => ({ url }));
    if (links.length > 0) v['links'] = links;
    return v;
  });
  const report = {
    version: GITLAB_SCHEMA_VERSION,
    scan: {
      analyzer: tool,
      scanner: tool,
      type: 'secret_detection',
      start_time: gitlabTime(start),
      end_time: gitlabTime(end),
      status: 'success',
    },
    vulnerabilities,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

export const gitlab: Reporter = {
  name: 'gitlab',
  description: 'GitLab secret-detection report (gl-secret-detection-report.json, schema 15.2.1)',
  fileExtension: '.json',
  render,
};
