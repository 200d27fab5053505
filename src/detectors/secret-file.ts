// A file that holds one secret and nothing else, named for it: Docker and Compose secret files
// (`secrets/db_password.txt`), `.vault_pass`, `github_token`, a mounted Kubernetes secret. Its
// name is the assignment a one-line value lacks, so it is judged as if assigned to that name.
import type { DetectorHit } from './registry.js';
import { judgeContextValue } from './generic.js';
import { classifyName } from './secret-names.js';

/** Larger files are not a lone value. */
const MAX_FILE = 4096;

/**
 * The name a file gives its content: the base name without leading dots, when it has no
 * extension or one that says plain text; undefined for code and data files (`auth.js.map`).
 * An extension that names a secret is part of the name: Rails' `config/master.key` holds the
 * master key, `deploy.token` a token (`public.key` stays a public key).
 */
export function secretFileName(path: string): string | undefined {
  const base = path.slice(path.lastIndexOf('/') + 1).replace(/^\.+/, '');
  const m = /^([^.]+)(?:\.(txt|secret|pass|key|token))?$/i.exec(base);
  if (!m) return undefined;
  return m[2] === undefined || m[2].toLowerCase() === 'txt' ? m[1] : `${m[1]}_${m[2]}`;
}

/**
 * One printable run with none of the punctuation that marks code or data (quotes, braces) or an
 * assignment (`password=…`, `user:…`, the generic rules' to read); base64 padding may end it.
 */
const LONE_VALUE = /^[^\s"'`{}<>;,=:]{8,256}={0,2}$/;

export function findSecretFile(text: string, path: string): DetectorHit[] {
  if (text.length > MAX_FILE) return [];
  const name = secretFileName(path);
  const kind = name === undefined ? undefined : classifyName(name);
  if (!kind || kind.weak) return [];
  const start = text.search(/\S/);
  if (start < 0) return [];
  const value = text.trimEnd().slice(start);
  // One value on one line: a file with more to it is code or configuration, read by other rules.
  if (!LONE_VALUE.test(value)) return [];
  const verdict = judgeContextValue(value, kind.kind);
  if (!verdict) return [];
  return [{ start, end: start + value.length, ...(verdict.placeholder ? { dropped: 'placeholder' as const } : {}) }];
}
