// Values of a Kubernetes Secret manifest (`kind: Secret`): every `data` entry is base64 of a
// secret and every `stringData` entry is one in plain text, whatever its key is called
// (`extra`, `CAMO_KEY`, `clouds.yaml`). The key name only rules out metadata (`username`,
// `host`, `tls.crt`); values are judged like a literal behind a plainly secret name, after
// decoding, so `YmFyCg==` ("bar"), templates and placeholders are not reported.
//
// A line-based reader of the YAML block structure, not a YAML parser: manifests in Helm charts
// and templates do not parse, and offsets of each value are needed.
import { judgeContextValue } from './generic.js';
import type { DetectorHit } from './registry.js';
import { classifyName, nameWords } from './secret-names.js';

// Prefilter: manifest keys are case-sensitive (`kind`), so a plain literal search finds the rare
// file that may hold a Secret; KIND_LINE then decides line by line.
const KIND_SECRET = /kind["']?[ \t]*:[ \t]*["']?(?:secret|Secret|SECRET)\b/;
const KIND_LINE = /^["']?kind["']?[ \t]*:[ \t]*["']?secret["']?[ \t]*(?:#.*)?$/i;
const ENTRY = /^(["']?)([^\s"':#][^"':]*?)\1[ \t]*:(?:[ \t]+(.*?))?[ \t]*$/;
const BLOCK_INDICATOR = /^[|>][-+]?[0-9]?[ \t]*(?:#.*)?$/;
const TEMPLATE = /\{\{|\$\{|\$\(|<%|^<[^>]*>$/;

// Last words of a key that name metadata stored next to the credential, not the credential.
const METADATA_WORDS = new Set([
  'user', 'username', 'usr', 'login', 'email', 'mail', 'host', 'hostname', 'hosts', 'port', 'server',
  'servers', 'address', 'addr', 'endpoint', 'endpoints', 'url', 'urls', 'uri', 'region', 'zone', 'bucket',
  'database', 'db', 'dbname', 'schema', 'namespace', 'project', 'name', 'id', 'ids', 'path', 'dir', 'type',
  'mode', 'version', 'enabled', 'timeout', 'domain', 'org', 'organization', 'tenant', 'issuer', 'audience',
  'scope', 'scopes',
  // Digests of artefacts stored next to the credentials.
  'sha', 'md', 'hash', 'digest', 'checksum', 'fingerprint', 'etag', 'integrity',
]);
// Words anywhere in a key that say its value is public: CA bundles, trust stores, public keys.
const PUBLIC_WORDS = new Set(['ca', 'trust', 'truststore', 'cacerts', 'public', 'pub', 'crt', 'cert', 'certificate', 'certs']);

interface Line {
  start: number;
  /** End of the line's text, before `\r\n`. */
  end: number;
  text: string;
  /** Column of the content; a `- ` list dash counts as indentation. */
  indent: number;
  /** Blank or comment only. */
  empty: boolean;
  dash: boolean;
  separator: boolean;
}

function readLine(text: string, start: number): Line {
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  if (end > start && text[end - 1] === '\r') end--;
  const raw = text.slice(start, end);
  const m = /^([ \t]*)(-[ \t]+)?/.exec(raw)!;
  const rest = raw.slice(m[0].length);
  return {
    start,
    end,
    text: rest,
    indent: m[0].length,
    empty: rest.length === 0 || rest.startsWith('#'),
    dash: m[2] !== undefined,
    separator: /^(?:---|\.\.\.)[ \t]*$/.test(raw),
  };
}

function nextLineStart(text: string, line: Line): number {
  const nl = text.indexOf('\n', line.end);
  return nl < 0 ? text.length + 1 : nl + 1;
}

/** A `data:`/`stringData:` key: where its line starts and its content column. */
interface DataKey {
  at: number;
  indent: number;
  encoded: boolean;
}

interface Mapping {
  indent: number;
  secret: boolean;
  data: DataKey[];
}

const DATA_LINE = /^(data|stringData):[ \t]*(?:#.*)?$/;

/**
 * The `data:`/`stringData:` keys of mappings that also hold `kind: Secret`, in one pass: a stack
 * of the mappings open at each indentation, closed when a shallower line or a new list item ends them.
 */
function secretDataKeys(text: string): DataKey[] {
  const found: DataKey[] = [];
  const stack: Mapping[] = [];
  const close = (m: Mapping): void => {
    if (m.secret) found.push(...m.data);
  };
  for (let p = 0; p <= text.length; ) {
    const l = readLine(text, p);
    p = nextLineStart(text, l);
    if (l.separator) {
      while (stack.length > 0) close(stack.pop()!);
      continue;
    }
    if (l.empty) continue;
    while (stack.length > 0 && (stack[stack.length - 1]!.indent > l.indent || (l.dash && stack[stack.length - 1]!.indent === l.indent))) close(stack.pop()!);
    if (stack.length === 0 || stack[stack.length - 1]!.indent < l.indent) stack.push({ indent: l.indent, secret: false, data: [] });
    const m = stack[stack.length - 1]!;
    if (KIND_LINE.test(l.text)) m.secret = true;
    const d = DATA_LINE.exec(l.text);
    if (d) m.data.push({ at: l.start, indent: l.indent, encoded: d[1] === 'data' });
  }
  while (stack.length > 0) close(stack.pop()!);
  return found.sort((a, b) => a.at - b.at);
}

interface Entry {
  key: string;
  /** The value as written: one line, a block scalar's lines, or a plain scalar continued below. */
  start: number;
  end: number;
  lines: string[];
}

/** The entries of the mapping under a `data:`/`stringData:` key, with their value spans. */
function readEntries(text: string, after: number, parentIndent: number): Entry[] {
  const entries: Entry[] = [];
  let entryIndent = -1;
  let cur: Entry | undefined;
  for (let p = after; p <= text.length; ) {
    const l = readLine(text, p);
    p = nextLineStart(text, l);
    if (l.separator) break;
    if (l.empty) continue;
    if (l.indent <= parentIndent || l.dash) break;
    if (entryIndent < 0) entryIndent = l.indent;
    if (l.indent < entryIndent) break;
    if (l.indent > entryIndent) {
      // A block scalar's line or a plain scalar's continuation.
      if (cur) {
        if (cur.lines.length === 0) cur.start = l.start + (l.end - l.start - l.text.length);
        cur.lines.push(l.text.replace(/[ \t]+$/, ''));
        cur.end = l.end;
      }
      continue;
    }
    const m = ENTRY.exec(l.text);
    if (!m) {
      cur = undefined;
      continue;
    }
    cur = { key: m[2]!, start: l.end, end: l.end, lines: [] };
    entries.push(cur);
    let v = m[3] ?? '';
    if (v === '' || BLOCK_INDICATOR.test(v)) continue;
    const valueAt = l.start + (l.end - l.start - l.text.length) + l.text.lastIndexOf(v);
    if (v[0] === '"' || v[0] === "'") {
      const close = v.indexOf(v[0], 1);
      if (close < 0) {
        cur = undefined;
        entries.pop();
        continue;
      }
      cur.start = valueAt + 1;
      cur.end = valueAt + close;
      cur.lines.push(v.slice(1, close));
      cur = undefined; // a quoted scalar on one line has no continuation
      continue;
    }
    const comment = /[ \t]#/.exec(v);
    if (comment) v = v.slice(0, comment.index).replace(/[ \t]+$/, '');
    cur.start = valueAt;
    cur.end = valueAt + v.length;
    cur.lines.push(v);
  }
  return entries;
}

/** Key names that hold metadata or public material rather than a credential. */
function isMetadataKey(key: string): boolean {
  const words = nameWords(key);
  if (words.length === 0) return false;
  if (words.some((w) => PUBLIC_WORDS.has(w))) return true;
  return METADATA_WORDS.has(words[words.length - 1]!) && classifyName(key) === undefined;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Printable text (tabs and line breaks allowed), or undefined for binary bytes. */
function asText(buf: Buffer): string | undefined {
  for (const b of buf) if ((b < 0x20 && b !== 9 && b !== 10 && b !== 13) || b > 0x7e) return undefined;
  return buf.toString('latin1');
}

/** Base64 encoded twice (a templating step encoded it again) is judged by what it wraps. */
function unwrapBase64(t: string): string {
  const v = t.trim();
  if (v.length < 16 || !BASE64.test(v)) return t;
  return asText(Buffer.from(v, 'base64')) ?? t;
}

function judge(key: string, value: string): { dropped?: 'placeholder' } | undefined {
  const v = value.trim();
  // A file (an INI or YAML config, a Docker config.json, a PEM key) is not one value: the engine
  // scans decoded `data` (and the generic detector plain `stringData`) and reports what the file
  // holds at this entry.
  if (v.length === 0 || v.includes('\n') || /^[{[]/.test(v)) return undefined;
  const verdict = judgeContextValue(v, classifyName(key)?.kind ?? 'secret');
  if (!verdict) return undefined;
  return verdict.placeholder ? { dropped: 'placeholder' } : {};
}

export function findKubernetesSecrets(text: string): DetectorHit[] {
  if (!KIND_SECRET.test(text)) return [];
  const hits: DetectorHit[] = [];
  for (const key of secretDataKeys(text)) {
    const lineEnd = text.indexOf('\n', key.at);
    if (lineEnd < 0) continue;
    for (const e of readEntries(text, lineEnd + 1, key.indent)) {
      if (e.lines.length === 0 || isMetadataKey(e.key)) continue;
      const raw = key.encoded ? e.lines.join('') : e.lines.join('\n');
      if (raw.length === 0 || TEMPLATE.test(raw)) continue;
      let value = raw;
      if (key.encoded) {
        // Kubernetes accepts only padded standard base64 here; anything else is not a live Secret.
        if (!BASE64.test(raw)) continue;
        const buf = Buffer.from(raw, 'base64');
        const t = asText(buf);
        if (t === undefined) {
          // Binary: a keystore or a raw key. Too short to be one, or a public store: skip.
          if (buf.length >= 32) hits.push({ start: e.start, end: e.end });
          continue;
        }
        value = unwrapBase64(t);
      }
      const verdict = judge(e.key, value);
      if (verdict) hits.push({ start: e.start, end: e.end, ...verdict });
    }
  }
  return hits;
}
