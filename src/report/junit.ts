// JUnit XML for CI dashboards. Layout (documented in README.md): one testsuite "keyhound"; one
// failing testcase per file with findings (classname = the file path) whose <failure> lists each
// finding; one passing testcase "clean files" that stands for every scanned file without findings.
import type { Finding } from '../engine/types.js';
import { countSeverities, groupByPath, plural, shortSha, shownValue, TOOL_NAME } from './common.js';
import type { ReportContext, Reporter } from './types.js';
import { xmlAttr, xmlText } from './xml.js';

function findingLine(f: Finding): string {
  const commit = f.origin.kind === 'commit' ? ` commit ${shortSha(f.origin.commit)} by ${f.origin.author} on ${f.origin.date}` : '';
  const notes = f.notes.length > 0 ? ` [${f.notes.join('; ')}]` : '';
  return `${f.origin.path}:${f.line}:${f.column}${commit} ${f.ruleId} ${shownValue(f)} (${f.severity})${notes}`;
}

function render(ctx: ReportContext): string {
  const groups = groupByPath(ctx.findings);
  const seconds = (ctx.stats.elapsedMs / 1000).toFixed(3);
  const cleanFiles = Math.max(0, ctx.stats.filesScanned - groups.length);
  const tests = groups.length + 1;
  const failures = groups.length;
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(`<testsuites name="${TOOL_NAME}" tests="${tests}" failures="${failures}" errors="0" time="${seconds}">`);
  out.push(
    `  <testsuite name="${TOOL_NAME}" tests="${tests}" failures="${failures}" errors="0" skipped="0" time="${seconds}">`,
  );
  out.push('    <properties>');
  out.push(`      <property name="target" value="${xmlAttr(ctx.scanTarget)}"/>`);
  out.push(`      <property name="version" value="${xmlAttr(ctx.toolVersion)}"/>`);
  out.push('    </properties>');
  for (const g of groups) {
    const { errors, warnings } = countSeverities(g.findings);
    const type = errors > 0 ? 'error' : 'warn';
    const msg = `${plural(g.findings.length, 'secret')} found (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
    out.push(`    <testcase classname="${xmlAttr(g.path)}" name="no leaked secrets" time="0">`);
    out.push(`      <failure message="${xmlAttr(msg)}" type="${type}">${xmlText(g.findings.map(findingLine).join('\n'))}</failure>`);
    out.push('    </testcase>');
  }
  out.push(`    <testcase classname="${TOOL_NAME}" name="clean files" time="0">`);
  out.push(`      <system-out>${xmlText(`${plural(cleanFiles, 'file')} scanned without findings`)}</system-out>`);
  out.push('    </testcase>');
  out.push('  </testsuite>');
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}

export const junit: Reporter = {
  name: 'junit',
  description: 'JUnit XML: one failing test case per file with findings, for CI test dashboards',
  fileExtension: '.xml',
  render,
};
