// Chunk -> candidates (regex or detector) -> validators -> findings. The only place raw secrets live.
import { shannonEntropy } from '../detectors/entropy.js';
import { isPlaceholder } from '../detectors/placeholder.js';
import { findEncoded } from './encoded.js';
import { blankEscapeLetters } from './escapes.js';
import { fingerprint } from './fingerprint.js';
import { LineIndex } from './lines.js';
import { maskSecret } from './mask.js';
import type { RuleSet, RuntimeRule } from './ruleset.js';
import { MAX_LOOKALIKES, type Chunk, type Finding, type Lookalike, type Origin, type RejectReason, type ScanStats } from './types.js';

/** What a suppression filter sees about a validated candidate (issue: suppression, baselines). */
export interface CandidateView {
  rule: RuntimeRule;
  secret: string;
  origin: Origin;
  /** 1-based first and last line of the secret. */
  line: number;
  endLine: number;
  /** Text of the line(s) holding the secret, and of the line before. */
  lineText: string;
  previousLineText: string;
  fingerprint: string;
}

/** Returns a reason to drop the candidate, or undefined to keep it. */
export type CandidateFilter = (c: CandidateView) => { reason: RejectReason; detail?: string } | undefined;

/** A finding a suppression removed: `via` is the mechanism, `reason` the human reason. */
export type SuppressedFinding = Finding & { via: RejectReason; reason: string };

export interface ChunkScanOptions {
  unmask: boolean;
  filters: readonly CandidateFilter[];
  /** Keep suppressed findings (masked) so reports can list them. */
  collectSuppressed: boolean;
}

export interface ChunkScanResult {
  findings: Finding[];
  suppressed: SuppressedFinding[];
}

interface Raw {
  rule: RuntimeRule;
  /** Already judged a look-alike by a code detector. */
  dropped?: RejectReason;
  start: number;
  end: number;
  secret: string;
  spans: Record<string, readonly [number, number] | undefined>;
  groups: Record<string, string | undefined>;
  /** A code detector's notes. */
  notes?: string[];
}

function reject(stats: ScanStats, reason: RejectReason): void {
  stats.rejected[reason] = (stats.rejected[reason] ?? 0) + 1;
}

function noteLookalike(list: Lookalike[], chunk: Chunk, lines: LineIndex, raw: Raw, reason: RejectReason, prefixes: readonly string[]): void {
  if (list.length >= MAX_LOOKALIKES) return;
  const o = chunk.origin;
  list.push({
    path: o.path,
    line: chunk.startLine + lines.locate(raw.start).line,
    ...(o.kind === 'commit' ? { commit: o.commit } : {}),
    rule: raw.rule.data.id,
    masked: maskSecret(raw.secret, prefixes),
    reason,
  });
}

// A rule's regex runs only in windows around its keyword hits: a rule whose pattern starts with a
// character class costs a full pass per file otherwise. Windows reach far enough for a PEM block;
// a rule whose matches are bounded (most single-line formats) gets a window its size, so common
// keywords (`owner`, `key`) do not make its regex read most of a file.
const WINDOW_BACK = 512;
const WINDOW_AHEAD = 16 * 1024;
const WINDOW_AHEAD_MIN = 1024;

/** Merged [start, end) windows around keyword hits, or one window over the whole text. */
function windowsFor(hits: readonly number[], length: number, reach: number): Array<[number, number]> {
  const ahead = Math.min(WINDOW_AHEAD, Math.max(WINDOW_AHEAD_MIN, reach));
  // A keyword can end a match (`…-us1`): look back as far as a bounded match can reach.
  const back = Number.isFinite(reach) ? Math.max(WINDOW_BACK, Math.min(reach, WINDOW_AHEAD)) : WINDOW_BACK;
  if (hits.length * (back + ahead) >= length) return [[0, length]];
  const out: Array<[number, number]> = [];
  for (const h of hits) {
    const a = Math.max(0, h - back);
    const b = Math.min(length, h + ahead);
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** Move a window edge outward to a line or word break, so a cut never splits a token. */
function widen(text: string, [a, b]: [number, number]): [number, number] {
  let s = a;
  const sMin = Math.max(0, a - 256);
  while (s > sMin && !/\s/.test(text[s - 1]!)) s--;
  if (s === sMin && s > 0) s = a; // no break near: keep the cut (a run over 256 chars is no token)
  let e = b;
  const eMax = Math.min(text.length, b + 256);
  while (e < eMax && !/\s/.test(text[e]!)) e++;
  return [s, e];
}

/**
 * Whether a keyword hit starts a word (`okta_token`, `myOktaToken`, `OKTA`) rather than sitting
 * inside one (`rookTable`): only a provider's name counts as its name. Keywords that begin with
 * punctuation (`/triggers/`) carry their own boundary.
 */
function startsWord(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  const upper = c >= 65 && c <= 90;
  if (i === 0 || !(upper || (c >= 97 && c <= 122))) return true;
  const prev = text.charCodeAt(i - 1);
  const lower = prev >= 97 && prev <= 122;
  if (!lower && !(prev >= 65 && prev <= 90)) return true;
  return lower && upper;
}

/** Whether a keyword hit starts a word before `at` and at most `within` characters before it. */
function keywordBefore(text: string, hits: readonly number[], at: number, within: number): boolean {
  // Hits are sorted: find the last one before `at`, then look back while in reach.
  let lo = 0;
  let hi = hits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hits[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo - 1; k >= 0 && at - hits[k]! <= within; k--) if (startsWord(text, hits[k]!)) return true;
  return false;
}

/**
 * Regex matches of one rule, with group spans relative to the secret. `hits` null: the rule was
 * selected by its path, and runs over the whole text. `regexText`: the text with escape letters
 * blanked (src/engine/escapes.ts), the same length.
 */
function* regexCandidates(rule: RuntimeRule, text: string, regexText: string, hits: readonly number[] | null): Generator<Raw> {
  const re = rule.regex!;
  const within = rule.data.keywordWithin;
  // The regex reads the escape-blanked copy; secrets and groups are cut from the text itself.
  const source = rule.readsEscapes ? text : regexText;
  for (const win of hits ? windowsFor(hits, text.length, rule.reach) : [[0, text.length] as [number, number]]) {
    const [from, to] = win[0] === 0 && win[1] === text.length ? win : widen(text, win);
    const read = from === 0 && to === source.length ? source : source.slice(from, to);
    re.lastIndex = 0;
    for (let m = re.exec(read); m !== null; m = re.exec(read)) {
      if (m[0].length === 0) re.lastIndex++;
      const idx = m.indices?.groups;
      const s = idx?.['secret'];
      if (!s) continue;
      if (within !== undefined && !keywordBefore(text, hits ?? [], from + s[0], within)) continue;
      const spans: Raw['spans'] = {};
      const groups: Raw['groups'] = {};
      for (const name of rule.data.groups) {
        const g = idx[name];
        if (g) {
          spans[name] = [g[0] - s[0], g[1] - s[0]];
          groups[name] = text.slice(from + g[0], from + g[1]);
        }
      }
      yield { rule, start: from + s[0], end: from + s[1], secret: text.slice(from + s[0], from + s[1]), spans, groups };
    }
  }
}

function* detectorCandidates(rule: RuntimeRule, text: string, path: string, hits: readonly number[] | null): Generator<Raw> {
  for (const h of rule.detector!.find(text, path, hits)) {
    const secret = text.slice(h.start, h.end);
    yield { rule, start: h.start, end: h.end, secret, spans: { secret: [0, secret.length] }, groups: { secret }, ...(h.dropped ? { dropped: h.dropped } : {}), ...(h.notes ? { notes: h.notes } : {}) };
  }
}

/** Validation shared by every candidate: placeholder, entropy, checksum, structure. */
function validate(c: Raw): { reason: RejectReason } | { notes: string[] } {
  const d = c.rule.data;
  if (c.dropped) return { reason: c.dropped };
  if (d.placeholderFilter && isPlaceholder(c.groups['body'] ?? c.secret)) return { reason: 'placeholder' };
  if (d.entropy !== undefined) {
    const target = d.entropyGroup ? c.groups[d.entropyGroup] ?? '' : c.secret;
    if (shannonEntropy(target) < d.entropy) return { reason: 'low-entropy' };
  }
  const cs = c.rule.checksum;
  if (cs && !cs.algo.verify({ secret: c.secret, spans: c.spans }, cs.params)) return { reason: 'bad-checksum' };
  const notes: string[] = cs ? ['checksum valid'] : [];
  if (c.notes) notes.push(...c.notes);
  for (const v of c.rule.validators) {
    const r = v.validate(c.secret, c.groups);
    if (!r.ok) return { reason: r.lookalike ?? 'bad-structure' };
    if (r.notes) notes.push(...r.notes);
  }
  return { notes };
}

/**
 * A validated candidate with its location and the context suppression needs. Produced by
 * detectChunk (possibly in a worker thread), consumed by finalizeChunk; never leaves the engine.
 */
export interface Detected {
  /** Set when the finding is in an entry of an archive: the entry's path (`a.zip!/.env`). */
  path?: string;
  ruleId: string;
  secret: string;
  notes: string[];
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The line(s) holding the secret, and the line before (for allow-next-line markers). */
  lineText: string;
  previousLineText: string;
}

/** The expensive half: prefilter, regexes and detectors, validation. Pure but for `stats`. */
export function detectChunk(chunk: Chunk, ruleset: RuleSet, stats: ScanStats, depth = 0): Detected[] {
  if (chunk.binary) return detectBinary(chunk, ruleset, stats, depth === 0 ? ['binary file'] : []);
  const text = chunk.text;
  const found = depth < MAX_DECODE_DEPTH ? findEncoded(text) : [];
  const selection = ruleset.select(text, chunk.origin.path);
  // Decoded layers run pattern rules and the detectors that read decoded text (a base64 .env).
  const rules = selection.rules.map((rule, i) => ({ rule, hits: selection.hits[i]! }))
    .filter((r) => !r.rule.detector || (depth === 0 ? !r.rule.detector.binary : r.rule.detector.onDecoded));
  if (rules.length === 0 && found.length === 0) return [];
  const regexText = blankEscapeLetters(text);
  const lines = new LineIndex(text);
  // A piece of a long line starts mid-line: columns on its first line are offset.
  const col = (p: { line: number; column: number }): number => p.column + (p.line === 0 ? chunk.startColumn ?? 0 : 0);
  const kept: Array<{ raw: Raw; notes: string[] }> = [];
  const seen = new Set<string>();
  // Spans claimed by pattern rules, valid or not: a generic detector must not report a token
  // that a specific rule already judged (a bad-checksum look-alike stays a non-finding).
  const claimed: Array<readonly [number, number]> = [];
  // Spans whose checksum failed: a catch-all that reads a value by its place (a URL's user or
  // password, a Bearer header) must not report the look-alike the checksummed rule rejected.
  const badChecksum: Array<readonly [number, number]> = [];
  // Pattern rules first, so code detectors see what they have claimed.
  const ordered = [...rules.filter((r) => !r.rule.detector), ...rules.filter((r) => r.rule.detector)];
  for (const { rule, hits } of ordered) {
    // A decoded layer is not the file it was found in (a base64 .env inside a .py): no path.
    const source = rule.detector ? detectorCandidates(rule, text, depth === 0 ? chunk.origin.path : '', hits) : regexCandidates(rule, text, regexText, hits);
    for (const raw of source) {
      const key = `${rule.index}:${raw.start}:${raw.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (rule.detector && claimed.some(([a, b]) => a < raw.end && raw.start < b)) continue;
      const v = validate(raw);
      if (!rule.detector) claimed.push([raw.start, raw.end]);
      if ('reason' in v) {
        if (v.reason === 'bad-checksum') badChecksum.push([raw.start, raw.end]);
        reject(stats, v.reason);
        if (stats.lookalikes && depth === 0) noteLookalike(stats.lookalikes, chunk, lines, raw, v.reason, ruleset.prefixes);
      } else kept.push({ raw, notes: v.notes });
    }
  }
  // Overlapping findings: the one with stronger proof wins (checksum > structure > pattern; a
  // filter such as random-token proves nothing), so `https://x:ghp_…@host` is a GitHub token, not
  // also a basic-auth URL. Otherwise both are kept, but for the two cases below.
  // At equal proof a catch-all yields to a rule that names the provider, and a rule that matched a
  // prefix alone to one that also found its provider's name nearby (`keyword_within`): a Clerk
  // `sk_live_` key next to CLERK_SECRET_KEY is Clerk's, not also Stripe's.
  const outranks = (o: RuntimeRule, k: RuntimeRule): boolean => {
    if (o.proof !== k.proof) return o.proof > k.proof;
    if ((k.data.fallback === true) !== (o.data.fallback === true)) return k.data.fallback === true;
    return o.data.keywordWithin !== undefined && k.data.keywordWithin === undefined;
  };
  const valid = badChecksum.length === 0 ? kept : kept.filter((k) =>
    k.raw.rule.data.fallback !== true || !badChecksum.some(([a, b]) => a < k.raw.end && k.raw.start < b));
  const survivors = valid.length < 2 ? valid : valid.filter((k) =>
    !valid.some((o) => o !== k && outranks(o.raw.rule, k.raw.rule) && o.raw.start < k.raw.end && k.raw.start < o.raw.end));

  const out: Detected[] = [];
  // In step with `out`: offsets of each entry found by a code detector (undefined otherwise).
  const detectorSpans: Array<readonly [number, number] | undefined> = [];
  // In step with `out`: offsets and proof of each entry found by a pattern rule (undefined otherwise).
  const patternSpans: Array<readonly [number, number, number] | undefined> = [];
  for (const { raw, notes } of survivors) {
    const a = lines.locate(raw.start);
    const b = lines.locate(Math.max(raw.start, raw.end - 1));
    const line = chunk.startLine + a.line;
    const endLine = chunk.startLine + b.line;
    if (chunk.reportLines) {
      let added = false;
      for (let l = line; l <= endLine && !added; l++) added = chunk.reportLines.has(l);
      if (!added) {
        reject(stats, 'not-added-line');
        continue;
      }
    }
    detectorSpans.push(raw.rule.detector ? [raw.start, raw.end] : undefined);
    patternSpans.push(raw.rule.detector ? undefined : [raw.start, raw.end, raw.rule.proof]);
    out.push({
      ruleId: raw.rule.data.id,
      secret: raw.secret,
      notes,
      line,
      column: col(a) + 1,
      endLine,
      endColumn: col(b) + 2,
      lineText: lines.linesAround(raw.start, raw.end),
      // The line that ends at lineStart (empty when the previous line is blank).
      previousLineText: previousLine(text, raw.start),
    });
  }
  // Secrets inside encoded runs are reported where the run is, with the decoding noted.
  for (const run of found) {
    // A key store a pattern rule already judged in its base64 form (pkcs12-base64) is that rule's.
    if (run.binary && claimed.some(([a, b]) => a < run.end && run.start < b)) continue;
    const inner = detectChunk({ origin: chunk.origin, text: run.decoded, startLine: 1, ...(run.binary ? { binary: true as const } : {}) }, ruleset, stats, depth + 1);
    if (inner.length === 0) continue;
    const a = lines.locate(run.start);
    const b = lines.locate(run.end - 1);
    const line = chunk.startLine + a.line;
    const endLine = chunk.startLine + b.line;
    if (chunk.reportLines && !chunk.reportLines.has(line)) continue;
    // What the decoded text holds says more than a code detector's judgement of the encoded run
    // (a Secret's `.dockerconfigjson` holds registry credentials): the detector's finding goes.
    const drop = (i: number): void => {
      out.splice(i, 1);
      detectorSpans.splice(i, 1);
      patternSpans.splice(i, 1);
    };
    for (let i = out.length - 1; i >= 0; i--) {
      const span = detectorSpans[i];
      if (span && span[0] < run.end && run.start < span[1]) drop(i);
    }
    // A pattern rule that reported the encoded value itself (kubeconfig `client-key-data`) and a
    // rule that reports what it decodes to are one secret: the stronger proof is kept, the plain
    // text's rule on a tie, so a key is one finding, not two.
    const owner = patternSpans.findIndex((p) => p !== undefined && p[0] <= run.start && run.end <= p[1]);
    if (owner >= 0) {
      const strongest = Math.max(...inner.map((d) => ruleset.byId.get(d.ruleId)?.proof ?? 0));
      if (strongest <= patternSpans[owner]![2]) continue;
      drop(owner);
    }
    for (const d of inner) {
      // The plain text already shows this secret (e.g. a %-encoded password in a URL).
      if (out.some((o) => o.ruleId === d.ruleId && o.line === line && o.column >= col(a) + 1 && o.column <= col(b) + 2)) continue;
      // Neither a detector's nor a pattern's span: a later run never drops or owns this finding.
      detectorSpans.push(undefined);
      patternSpans.push(undefined);
      out.push({
        ...d,
        notes: [...d.notes, `decoded from ${run.encoding}`],
        line,
        column: col(a) + 1,
        endLine,
        endColumn: col(b) + 2,
        lineText: lines.linesAround(run.start, run.end),
        previousLineText: previousLine(text, run.start),
      });
    }
  }
  return out;
}

/**
 * A binary file (its bytes in base64): only the rules that read binary files run, and a finding
 * is the whole file, at line 1. No keywords, no decoding of runs, no line filter: a commit that
 * adds or changes a key store adds all of it.
 */
function detectBinary(chunk: Chunk, ruleset: RuleSet, stats: ScanStats, extraNotes: readonly string[]): Detected[] {
  const out: Detected[] = [];
  for (const rule of ruleset.binaryRules) {
    if (!rule.appliesTo(chunk.origin.path)) continue;
    for (const raw of detectorCandidates(rule, chunk.text, chunk.origin.path, null)) {
      const v = validate(raw);
      if ('reason' in v) {
        reject(stats, v.reason);
        continue;
      }
      out.push({ ruleId: rule.data.id, secret: raw.secret, notes: [...v.notes, ...extraNotes], line: 1, column: 1, endLine: 1, endColumn: 1, lineText: '', previousLineText: '' });
    }
  }
  return out;
}

/** Secrets nested in encodings are decoded at most this deep (base64 of hex of a token: 2). */
const MAX_DECODE_DEPTH = 2;

/** The line before the one holding `offset` (empty on the first line or a blank line). */
function previousLine(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1);
  return lineStart > 0 ? text.slice(text.lastIndexOf('\n', lineStart - 1) + 1, lineStart).replace(/\r$/, '') : '';
}

/** The cheap half: masking, fingerprints and suppression filters, on the main thread. */
export function finalizeChunk(origin: Origin, detected: readonly Detected[], ruleset: RuleSet, opts: ChunkScanOptions, stats: ScanStats): ChunkScanResult {
  const findings: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const d of detected) {
    const rule = ruleset.byId.get(d.ruleId)!;
    const finding: Finding = {
      ruleId: d.ruleId,
      ruleName: rule.data.name,
      severity: rule.data.severity,
      origin,
      line: d.line,
      column: d.column,
      endLine: d.endLine,
      endColumn: d.endColumn,
      masked: maskSecret(d.secret, ruleset.prefixes),
      fingerprint: fingerprint(d.ruleId, d.secret),
      notes: d.notes,
    };
    if (opts.unmask) finding.secret = d.secret;
    let verdict: ReturnType<CandidateFilter>;
    if (opts.filters.length > 0) {
      const view: CandidateView = {
        rule,
        secret: d.secret,
        origin,
        line: d.line,
        endLine: d.endLine,
        lineText: d.lineText,
        previousLineText: d.previousLineText,
        fingerprint: finding.fingerprint,
      };
      for (const f of opts.filters) if ((verdict = f(view))) break;
    }
    if (verdict) {
      reject(stats, verdict.reason);
      if (opts.collectSuppressed) suppressed.push({ ...finding, via: verdict.reason, reason: verdict.detail ?? verdict.reason });
      continue;
    }
    findings.push(finding);
  }
  return { findings, suppressed };
}

export function scanChunk(chunk: Chunk, ruleset: RuleSet, opts: ChunkScanOptions, stats: ScanStats): ChunkScanResult {
  return finalizeChunk(chunk.origin, detectChunk(chunk, ruleset, stats), ruleset, opts, stats);
}
