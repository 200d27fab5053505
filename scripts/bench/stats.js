// Pure helpers: summary statistics and plain-text tables. No I/O, so they are unit-tested.

/** Median of a non-empty list of numbers (mean of the two middle values for even lengths). */
export function median(values) {
  if (values.length === 0) throw new Error('median of an empty list');
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** [min, max] of a non-empty list. */
export function range(values) {
  if (values.length === 0) throw new Error('range of an empty list');
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

/** { median, min, max, n, values } of the finite numbers in `values`; null when there are none. */
export function summarize(values) {
  const xs = values.filter((v) => typeof v === 'number' && Number.isFinite(v));
  if (xs.length === 0) return null;
  const [min, max] = range(xs);
  return { median: median(xs), min, max, n: xs.length, values: xs };
}

/** Element-wise differences a[i] - b[i] (paired runs, e.g. interleaved start-up timings). */
export function pairedDiffs(a, b) {
  if (a.length !== b.length) throw new Error(`paired lists differ in length (${a.length} vs ${b.length})`);
  return a.map((v, i) => v - b[i]);
}

/** Throughput in MB/s (MB = 10^6 bytes) for `bytes` processed in `ms` milliseconds. */
export function mbPerSec(bytes, ms) {
  if (!(ms > 0)) return NaN;
  return bytes / 1e6 / (ms / 1000);
}

/** Items per second for `count` items in `ms` milliseconds. */
export function perSec(count, ms) {
  if (!(ms > 0)) return NaN;
  return count / (ms / 1000);
}

/** A number with `digits` significant decimals chosen by magnitude: 1234, 123, 12.3, 1.23. */
export function fmtNum(v, digits) {
  if (typeof v !== 'number' || !Number.isFinite(v)) return '-';
  if (digits !== undefined) return v.toFixed(digits);
  const a = Math.abs(v);
  if (a >= 100) return v.toFixed(0);
  if (a >= 10) return v.toFixed(1);
  return v.toFixed(2);
}

/** "median (min–max)" for a summary, or "-" when there is none. */
export function fmtSummary(s, digits) {
  if (!s) return '-';
  if (s.n === 1 || s.min === s.max) return fmtNum(s.median, digits);
  return `${fmtNum(s.median, digits)} (${fmtNum(s.min, digits)}–${fmtNum(s.max, digits)})`;
}

/** Signed number: "+12", "-3". */
export function fmtSigned(v, digits = 0) {
  if (typeof v !== 'number' || !Number.isFinite(v)) return '-';
  const s = v.toFixed(digits);
  return v >= 0 ? `+${s}` : s;
}

/** Bytes as MB with one decimal. */
export function fmtMB(bytes) {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/**
 * A text table with aligned columns. `align` is a string of 'l'/'r' per column (default: first
 * column left, the rest right). With `markdown: true` it renders a GitHub-flavoured table.
 */
export function renderTable(headers, rows, { align, markdown = false } = {}) {
  const cols = headers.length;
  for (const r of rows) {
    if (r.length !== cols) throw new Error(`table row has ${r.length} cells, expected ${cols}`);
  }
  const al = align ?? 'l' + 'r'.repeat(cols - 1);
  const cells = [headers, ...rows].map((r) => r.map((c) => String(c)));
  const width = headers.map((_, i) => Math.max(...cells.map((r) => [...r[i]].length)));
  const pad = (s, i) => {
    const gap = ' '.repeat(width[i] - [...s].length);
    return al[i] === 'r' ? gap + s : s + gap;
  };
  const line = (r) => (markdown ? `| ${r.map(pad).join(' | ')} |` : r.map(pad).join('  ').trimEnd());
  const sep = markdown
    ? `|${width.map((w, i) => (al[i] === 'r' ? '-'.repeat(w + 1) + ':' : '-'.repeat(w + 2))).join('|')}|`
    : width.map((w) => '-'.repeat(w)).join('  ');
  return [line(cells[0]), sep, ...cells.slice(1).map(line)].join('\n');
}
