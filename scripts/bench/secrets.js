// Secrets planted in the corpus: generated from a fixed seed so every build plants the same ones,
// with checksums made valid at build time (valid tokens never sit in the repository).

/** mulberry32: a small seeded PRNG; returns a function giving floats in [0, 1). */
export function makeRng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const B62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const HEX = '0123456789abcdef';
const DIGITS = '0123456789';
const UPPER_ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const URLSAFE = `${B62}_-`;

function pick(rng, alphabet, n) {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(rng() * alphabet.length)];
  return s;
}

/**
 * Token kinds the bench plants, each named by the built-in rule that must find it.
 * `make(rng, repair)` returns the token; `repair(ruleId, shape, spans)` fixes its checksum.
 */
export const SECRET_KINDS = [
  { rule: 'github-pat-classic', make: (rng, repair) => crcBody(repair, 'github-pat-classic', 'ghp_', pick(rng, B62, 30)) },
  { rule: 'npm-access-token', make: (rng, repair) => crcBody(repair, 'npm-access-token', 'npm_', pick(rng, B62, 30)) },
  {
    rule: 'grafana-service-account-token',
    make: (rng, repair) => {
      const shape = `glsa_${pick(rng, B62, 32)}_00000000`;
      return repair('grafana-service-account-token', shape, { secret: [0, 46], head: [0, 37], check: [38, 46] });
    },
  },
  { rule: 'slack-bot-token', make: (rng) => `xoxb-${pick(rng, DIGITS, 12)}-${pick(rng, DIGITS, 13)}-${pick(rng, B62, 24)}` },
  {
    rule: 'slack-webhook-url',
    make: (rng) => `https://hooks.slack.com/services/T${pick(rng, UPPER_ALNUM, 10)}/B${pick(rng, UPPER_ALNUM, 10)}/${pick(rng, B62, 24)}`,
  },
  { rule: 'stripe-secret-key', make: (rng) => `sk_live_${pick(rng, B62, 24)}` },
  { rule: 'sendgrid-api-key', make: (rng) => `SG.${pick(rng, URLSAFE, 22)}.${pick(rng, URLSAFE, 43)}` },
  { rule: 'sentry-user-token', make: (rng) => `sntryu_${pick(rng, HEX, 64)}` },
  { rule: 'databricks-api-token', make: (rng) => `dapi${pick(rng, HEX, 32)}` },
  { rule: 'shopify-access-token', make: (rng) => `shpat_${pick(rng, HEX, 32)}` },
  { rule: 'anthropic-api-key', make: (rng) => `sk-ant-api03-${pick(rng, URLSAFE, 93)}AA` },
];

function crcBody(repair, rule, prefix, body) {
  const b = prefix.length;
  const shape = `${prefix}${body}000000`;
  return repair(rule, shape, { secret: [0, shape.length], body: [b, b + 30], check: [b + 30, b + 36] });
}

/**
 * A repair(ruleId, shape, spans) function backed by the built checksum registry and the checksum
 * parameters of the built-in rules, so planted tokens validate exactly as the scanner will check.
 */
export function makeRepair(checksums, rules) {
  const byId = new Map(rules.map((r) => [r.id, r]));
  return (ruleId, shape, spans) => {
    const rule = byId.get(ruleId);
    if (!rule?.checksum) throw new Error(`bench: rule ${ruleId} has no checksum in dist/builtin-rules.json`);
    const algo = checksums[rule.checksum.algorithm];
    if (!algo) throw new Error(`bench: unknown checksum algorithm ${rule.checksum.algorithm}`);
    const params = algo.parseParams(rule.checksum.params ?? {}, rule.groups ?? Object.keys(spans));
    const token = algo.repair({ secret: shape, spans }, params);
    if (!algo.verify({ secret: token, spans }, params)) throw new Error(`bench: repaired ${ruleId} token does not verify`);
    return token;
  };
}

/** The line inserted into a file to plant `token` (ordinary code: no secret-ish variable name). */
export function plantLine(token, ext) {
  return ext === 'md' ? `    ${token}` : `const benchValue = "${token}";`;
}

/**
 * Insert `line` into `buf` after the first newline at or past the middle of the file (or at the
 * end). Returns the new buffer and the 1-based line number of the inserted line.
 */
export function insertLine(buf, line) {
  const mid = Math.floor(buf.length / 2);
  const nl = buf.indexOf(0x0a, mid);
  const ins = Buffer.from(`${line}\n`, 'utf8');
  if (nl === -1) {
    const needsNl = buf.length > 0 && buf[buf.length - 1] !== 0x0a;
    const lineNo = countNewlines(buf, buf.length) + (needsNl ? 2 : 1);
    return { buf: Buffer.concat([buf, needsNl ? Buffer.from('\n') : Buffer.alloc(0), ins]), line: lineNo };
  }
  const lineNo = countNewlines(buf, nl + 1) + 1;
  return { buf: Buffer.concat([buf.subarray(0, nl + 1), ins, buf.subarray(nl + 1)]), line: lineNo };
}

function countNewlines(buf, end) {
  let n = 0;
  let i = buf.indexOf(0x0a);
  while (i !== -1 && i < end) {
    n++;
    i = buf.indexOf(0x0a, i + 1);
  }
  return n;
}

/**
 * Choose `count` distinct files from `candidates` (sorted relative paths) with `rng`, spread over
 * the list so that different packages get secrets.
 */
export function chooseFiles(candidates, count, rng) {
  if (candidates.length < count) throw new Error(`bench: only ${candidates.length} files can take a secret, ${count} needed`);
  const chosen = [];
  const stride = candidates.length / count;
  for (let i = 0; i < count; i++) {
    // Disjoint windows [floor(i*stride), +floor(stride)) keep the picks distinct.
    const idx = Math.floor(i * stride) + Math.floor(rng() * Math.floor(stride));
    chosen.push(candidates[idx]);
  }
  return chosen;
}

/**
 * Compare scanner findings ({file, line, rule}) with planted secrets ({file, line, rule}).
 * Returns { planted, found, missed: [...] }; a planted secret counts as found when a finding of
 * its rule sits on its file and line.
 */
export function recall(planted, findings) {
  const keys = new Set(findings.map((f) => `${f.rule}\u0000${f.file}\u0000${f.line}`));
  const missed = planted.filter((p) => !keys.has(`${p.rule}\u0000${p.file}\u0000${p.line}`));
  return { planted: planted.length, found: planted.length - missed.length, missed };
}
