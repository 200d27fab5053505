// Turn result records into ratios and tables (pure; the README section is rendered from the same).
import { fmtMB, fmtNum, fmtSigned, fmtSummary, renderTable } from './stats.js';

/** The keyhound row to compare with others: the one with the highest median MB/s. */
export function bestKeyhound(scan) {
  let best = null;
  for (const r of scan ?? []) if (r.mbPerSec && (!best || r.mbPerSec.median > best.mbPerSec.median)) best = r;
  return best;
}

/** keyhound MB/s divided by each other tool's MB/s (medians). */
export function computeRatios(results) {
  const kh = bestKeyhound(results.scan);
  if (!kh) return [];
  const others = [...(results.rg ?? []), ...(results.secretlint ?? [])];
  return others
    .filter((o) => o.mbPerSec && o.mbPerSec.median > 0)
    .map((o) => ({
      keyhound: kh.tool,
      other: o.tool,
      ratio: kh.mbPerSec.median / o.mbPerSec.median,
      // The other tool was stopped at a timeout: its MB/s is an upper bound, the ratio a lower one.
      lowerBound: (o.timedOut ?? 0) > 0,
    }));
}

function throughputRows(results) {
  const rows = [];
  for (const r of [...(results.scan ?? []), ...(results.archive ?? []), ...(results.rg ?? []), ...(results.secretlint ?? [])]) {
    // A run stopped at the timeout gives only bounds: at least that long, at most that fast.
    const cut = (r.timedOut ?? 0) > 0;
    const lo = cut ? '> ' : '';
    const hi = cut ? '< ' : '';
    const secs = r.wallMs && { ...r.wallMs, median: r.wallMs.median / 1000, min: r.wallMs.min / 1000, max: r.wallMs.max / 1000 };
    rows.push([
      r.tool,
      String(r.runs),
      lo + fmtSummary(secs, 2),
      hi + fmtSummary(r.mbPerSec, r.mbPerSec && r.mbPerSec.median < 1 ? 2 : 1),
      hi + fmtSummary(r.filesPerSec, 0),
      cut ? '-' : fmtSummary(r.peakRssMB, 0),
    ]);
  }
  return rows;
}

export function machineLine(m) {
  return `${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB RAM, Node ${m.node}, ${m.os}`;
}

/** Everything as text: `markdown` renders GitHub tables (for the README). */
export function renderReport(res, { markdown = false } = {}) {
  const out = [];
  const h = (s) => out.push(markdown ? `\n**${s}**\n` : `\n${s}`);
  out.push(`Machine: ${machineLine(res.machine)} (load average at start: ${res.machine.loadAverageAtStart.join(', ')})`);
  if (res.corpus) {
    const c = res.corpus;
    out.push(`Corpus (${c.quick ? 'quick' : 'full'}): ${c.packages.length} npm packages, ${c.files} text files, ${fmtMB(c.bytes)}, ${c.planted.length} planted secrets`);
  }
  const rows = throughputRows(res.results);
  if (rows.length > 0) {
    h('Directory scan, median (min–max)');
    out.push(renderTable(['tool', 'runs', 'wall s', 'MB/s', 'files/s', 'peak RSS MB'], rows, { markdown }));
    if (res.rssMethod === 'none') out.push('peak RSS: not measured (no /usr/bin/time and no /proc; apt-get install time)');
  }
  const notes = [];
  for (const r of res.results.scan ?? []) {
    const rc = r.recall;
    const missed = rc.missed?.length ? ` (missed: ${rc.missed.map((m) => `${m.rule} in ${m.file}:${m.line}`).join(', ')})` : '';
    const files = res.corpus && r.filesScanned !== res.corpus.files ? ` — WARNING: scanned ${r.filesScanned} of ${res.corpus.files} corpus files` : `; all ${r.filesScanned} files scanned`;
    notes.push(`${r.tool}: ${r.findings} findings; planted secrets found ${rc.found}/${rc.planted}${missed}${files}`);
  }
  const digests = new Set((res.results.scan ?? []).map((r) => r.findingsDigest));
  if ((res.results.scan ?? []).length > 1) notes.push(`keyhound findings identical across thread counts: ${digests.size === 1 ? 'yes' : 'NO'}`);
  for (const r of res.results.archive ?? []) {
    const same = res.results.scan?.length ? `; findings ${res.results.scan.some((s) => s.findingsDigest === r.findingsDigest) ? 'identical to' : 'DIFFERENT from'} the directory scan` : '';
    notes.push(`${r.tool} (${fmtNum(r.archiveMB, 1)} MB compressed): ${r.findings} findings; planted secrets found ${r.recall.found}/${r.recall.planted}${same}`);
  }
  for (const r of res.results.rg ?? []) notes.push(`${r.tool}: ${r.matchedLines} keyword lines in ${r.matchedFiles} files`);
  for (const r of res.results.secretlint ?? []) {
    notes.push(r.findings === null
      ? `${r.tool}: stopped at the timeout (--secretlint-timeout) before finishing; findings not counted`
      : `${r.tool}: ${r.findings} findings; at planted secret lines ${r.recall.found}/${r.recall.planted}`);
  }
  for (const x of res.ratios ?? []) notes.push(`${x.keyhound} vs ${x.other}: ${x.lowerBound ? 'at least ' : ''}${fmtNum(x.ratio, x.ratio < 10 ? 2 : 0)}× the MB/s`);
  for (const s of res.skipped ?? []) notes.push(`skipped ${s.suite}: ${s.reason}`);
  if (notes.length > 0) {
    h('Checks');
    for (const n of notes) out.push(`- ${n}`);
  }
  const st = res.results.startup;
  if (st) {
    h(`Start-up, ${st.runs} interleaved runs, ms: median (min–max)`);
    const rows2 = st.commands.map((c) => [
      c.label,
      fmtSummary(c.ms, 0),
      c.overheadMs === null ? '' : fmtSigned(c.overheadMs, 0),
      c.pairedOverheadMs ? fmtSummary(c.pairedOverheadMs, 0) : '',
    ]);
    out.push(renderTable(['command', 'wall ms', 'over node -e 0', 'paired diff'], rows2, { markdown }));
    const staged = st.commands[2];
    if (staged) {
      const ok = staged.overheadMs <= st.targetOverheadMs;
      out.push(`${markdown ? '\n' : ''}Pre-commit overhead ${fmtSigned(staged.overheadMs, 0)} ms over node -e 0 (target: +${st.targetOverheadMs} ms): ${ok ? 'met' : 'NOT met'}` + (st.stagedMode === 'files' ? ' — measured as a scan of the 10 files: this keyhound has no --staged option' : ''));
    }
  }
  return out.join('\n');
}
