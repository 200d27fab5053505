// Code detectors that a rule can name with `detector:` instead of a `pattern:`.
// One line per detector; the rule YAML carries id, severity, keywords and examples as usual.
import { findGenericSecrets, findGenericSecretsAt, findGenericSecretsAtHits, foreignPasswordWordsAt, type GenericHit } from './generic.js';
import { findCsvSecrets, findMarkdownTableSecrets } from './table-columns.js';
import { findKeyFile, type KeyFileKind } from './key-files.js';
import { findKubernetesSecrets } from './kubernetes-secret.js';
import { findSecretFile } from './secret-file.js';
import { findSessionCookies } from './session-cookie.js';
import { isSourceCodePath } from './source-code.js';
import { findSqlInsertSecrets } from './sql-insert.js';

export interface DetectorHit {
  /** Offsets of the secret in the text. */
  start: number;
  end: number;
  /** A look-alike the detector recognised (counted and listed by the scan, never reported). */
  dropped?: 'placeholder';
  /** What the detector learnt about the secret, for the finding's notes. */
  notes?: string[];
}

export interface Detector {
  readonly description: string;
  /** Also runs on decoded text (a base64 `.env` or config file), not only on what is written. */
  readonly onDecoded?: boolean;
  /**
   * Reads binary files, and only those: its text is the file's bytes in base64 (see
   * Chunk.binary). Such a rule needs no keywords.
   */
  readonly binary?: boolean;
  /**
   * `path`: the file's `/`-separated path relative to the scan root. `keywordHits`: where the
   * prefilter found the rule's keywords (sorted; null when the rule was selected by its path).
   */
  find(text: string, path: string, keywordHits: readonly number[] | null): DetectorHit[];
}

function keyFileDetector(kind: KeyFileKind, what: string): Detector {
  return { description: `binary file: ${what}`, binary: true, find: (text) => findKeyFile(text, kind) };
}

// Both generic rules share one pass over the text: remember the last result. A generic rule's
// keyword hits include every occurrence of the scan's keywords (each lists them all), so the
// pass can start from them; another caller's hits cannot stand in, and the pass reads the text.
let lastText: string | undefined;
let lastCode = false;
let lastHits: GenericHit[] = [];
function genericHits(text: string, path: string, scanKeywordHits: readonly number[] | null): GenericHit[] {
  const code = isSourceCodePath(path);
  if (text !== lastText || code !== lastCode) {
    const opts = { keepPlaceholders: true, code };
    lastHits = scanKeywordHits ? findGenericSecretsAtHits(text, scanKeywordHits, opts) : findGenericSecrets(text, opts);
    lastText = text;
    lastCode = code;
  }
  return lastHits;
}

/** The hits no generic rule reported: a value the generic rules judged by its name is theirs. */
function outsideGeneric(text: string, path: string, hits: DetectorHit[]): DetectorHit[] {
  if (hits.length === 0) return hits;
  const generic = genericHits(text, path, null);
  return hits.filter((h) => !generic.some((g) => g.start < h.end && h.start < g.end));
}

export const detectors = {
  'generic-secret': {
    description: 'high-entropy values assigned to secret-like names (token, api_key, secret, ...)',
    onDecoded: true,
    find: (text, path, keywordHits) => genericHits(text, path, keywordHits).filter((h) => h.kind === 'secret'),
  },
  'generic-password': {
    description: 'values assigned to password-like names (password, passwd, pwd, senha, ...)',
    onDecoded: true,
    find: (text, path, keywordHits) => {
      const hits = genericHits(text, path, keywordHits).filter((h) => h.kind === 'password');
      // Names in other languages (`senha`) are looked at only where the prefilter saw one.
      const foreign = keywordHits ? foreignPasswordWordsAt(text, keywordHits) : [];
      if (foreign.length === 0) return hits;
      const more = findGenericSecretsAt(text, foreign, { keepPlaceholders: true, code: isSourceCodePath(path) })
        .filter((h) => h.kind === 'password' && !hits.some((o) => o.start < h.end && h.start < o.end));
      return [...hits, ...more];
    },
  },
  'kubernetes-secret': {
    description: 'values of a Kubernetes Secret manifest (data decoded from base64, stringData as is)',
    // An entry the generic rules already judged by its name (`password: …`) is theirs.
    find: (text, path) => outsideGeneric(text, path, findKubernetesSecrets(text)),
  },
  'secret-file': {
    description: 'a file named for a secret (db_password.txt, .vault_pass, github_token) that holds one value',
    find: (text, path) => findSecretFile(text, path),
  },
  'csv-secret-column': {
    description: 'cells of a CSV or TSV column whose header names a secret (password, api_key, Client Secret)',
    find: (text) => findCsvSecrets(text),
  },
  'sql-insert-secret-column': {
    description: 'values of an SQL INSERT whose column list names a secret (password, api_key)',
    find: (text, _path, keywordHits) => findSqlInsertSecrets(text, keywordHits),
  },
  'markdown-table-secret-column': {
    description: 'cells of a Markdown table column whose header names a secret',
    find: (text) => findMarkdownTableSecrets(text),
  },
  'session-cookie': {
    description: 'session cookies in Cookie headers, HAR files and cookie jars',
    // A cookie the generic rules already read by its name (`session_token=…`) is theirs.
    find: (text, path, keywordHits) => outsideGeneric(text, path, findSessionCookies(text, keywordHits)),
  },
  'pkcs12-file': keyFileDetector('pkcs12', 'a PKCS#12 key store (.p12, .pfx) holding a private key'),
  'java-keystore-file': keyFileDetector('java-keystore', 'a JKS or JCEKS key store holding a private or secret key'),
  'der-private-key': keyFileDetector('der-private-key', 'a private key in DER (PKCS#8, PKCS#1, SEC1), as a file or base64/hex text'),
  'pgp-secret-key-file': keyFileDetector('pgp-secret-key', 'an OpenPGP secret key in binary (secring.gpg, --export-secret-keys)'),
  'keepass-database-file': keyFileDetector('keepass', 'a KeePass password database (.kdbx, .kdb)'),
  'macos-keychain-file': keyFileDetector('macos-keychain', 'a macOS keychain file'),
} satisfies Record<string, Detector>;
