// Which assignment targets name a secret: `DB_PASSWORD`, `stripeSecretKey`, `aws.secret.key`.
import { FOREIGN_PASSWORD_STEMS, FOREIGN_PASSWORD_WORDS } from './words.js';

export type SecretKind = 'secret' | 'password';

export interface NameClass {
  kind: SecretKind;
  /** True when the name is only weakly secret-like (`key`, `fooKey`): values need more evidence. */
  weak: boolean;
}

const PASSWORD_WORDS = new Set(['password', 'passwd', 'passwort', 'pwd', 'pass', 'passphrase', 'passcode', 'pword', 'pswd', 'psw', 'pw']);

/** Literals that find "password" in other languages in text (the generic detector's prefilter). */
export const FOREIGN_PASSWORD_KEYWORDS: readonly string[] = [...FOREIGN_PASSWORD_WORDS, ...FOREIGN_PASSWORD_STEMS.filter((w) => !w.includes('pass'))];
for (const w of FOREIGN_PASSWORD_WORDS) PASSWORD_WORDS.add(w);

// Words that turn `key` into a secret: `api_key`, `SigningKey`, `client.key`.
const KEY_COMPANIONS = new Set([
  'api', 'access', 'secret', 'private', 'signing', 'sign', 'encryption', 'encrypt', 'crypt', 'crypto',
  'master', 'auth', 'client', 'app', 'application', 'license', 'licence', 'hmac', 'session', 'jwt', 'aes',
  'shared', 'service', 'account', 'storage', 'subscription', 'consumer', 'developer', 'admin', 'root',
  'ssh', 'gpg', 'pgp', 'rsa', 'primary', 'secondary', 'webhook', 'bot', 'integration', 'partner',
  'merchant', 'secure', 'security', 'cipher', 'decryption', 'decrypt', 'server', 'mac', 'sas', 'x',
  'cookie', 'csrf', 'xsrf', 'otp', 'totp', 'mfa', 'vault', 'kms', 'sendgrid', 'stripe', 'openai', 'maps',
  'firebase', 'google', 'github', 'slack', 'twilio', 'mailgun', 'algolia', 'facebook', 'live', 'prod', 'production',
]);

// Words that make `key` ordinary data: `cacheKey`, `sortKey`, `i18nKey`.
const KEY_ORDINARY = new Set([
  'cache', 'sort', 'foreign', 'partition', 'i18n', 'translation', 'route', 'query', 'unique',
  'row', 'data', 'item', 'map', 'hash', 'range', 'idempotency', 'shortcut', 'hot', 'modifier', 'lookup',
  'dedup', 'dedupe', 'group', 'list', 'object', 'dict', 'column', 'field', 'prop', 'props', 'state',
  'store', 'redux', 'event', 'press', 'down', 'up', 'board', 'ring', 'word', 'frame', 'value', 'default',
  'composite', 'natural', 'surrogate', 'index', 'bucket', 's3', 'file', 'path', 'name', 'label', 'message',
  'msg', 'locale', 'lang', 'text', 'content', 'config', 'setting', 'settings', 'env', 'sub', 'parent',
  'child', 'node', 'react', 'vue', 'dom', 'local', 'sequence', 'order', 'pair', 'chain',
  'public', 'pub', 'registry', 'legend', 'tab', 'table', 'menu', 'nav', 'form', 'sorting',
  'id', 'etag', 'revision', 'version', 'memo', 'memoize', 'render', 'component', 'slot', 'result',
  // `keyDetails`, `keyInfo`, `--recv-keys FINGERPRINT`, `keyserver`: metadata and public keys.
  'details', 'detail', 'info', 'recv', 'keyserver', 'keyring', 'keyid',
  // `Sec-WebSocket-Key`: the handshake's nonce.
  'socket', 'websocket',
]);

// Words that end in `key` without being a key.
const KEY_ENDING_WORDS = new Set(['monkey', 'turkey', 'whiskey', 'donkey', 'jockey', 'hockey', 'turnkey', 'malarkey', 'lackey', 'flunkey', 'smokey', 'pokey', 'spikey']);

// A last word that says the value is metadata about the secret, not the secret.
const SUFFIX_NEG = new Set([
  'id', 'ids', 'name', 'names', 'path', 'paths', 'file', 'files', 'filename', 'dir', 'directory', 'url',
  'urls', 'uri', 'endpoint', 'host', 'type', 'types', 'length', 'len', 'size', 'count', 'format', 'pattern',
  'regex', 'regexp', 'field', 'fields', 'header', 'column', 'label', 'hint', 'placeholder', 'description',
  'desc', 'title', 'env', 'var', 'variable', 'ref', 'reference', 'location', 'arn', 'alias', 'version',
  'ttl', 'expiry', 'expires', 'expiration', 'expire', 'timeout', 'lifetime', 'rotation', 'hash', 'hashes',
  'hashed', 'sha', 'sha1', 'sha256', 'md5', 'digest', 'checksum', 'fingerprint', 'salt', 'nonce', 'etag',
  'mode', 'policy', 'strength', 'enabled', 'enable', 'required', 'rule', 'rules', 'validator', 'input',
  'box', 'manager', 'provider', 'class', 'scope', 'scopes', 'audience', 'issuer', 'algorithm', 'alg',
  'usage', 'limit', 'param', 'parameter', 'prop', 'property', 'attr', 'attribute', 'prompt', 'message',
  'msg', 'error', 'text', 'template', 'index', 'idx', 'position', 'pos', 'offset', 'method', 'flow',
  'grant', 'kind', 'level', 'source', 'src', 'target', 'callback', 'handler', 'fn', 'func', 'function',
  'option', 'options', 'opts', 'status', 'state', 'spec', 'schema', 'request', 'at', 'on', 'date', 'time',
  'timestamp', 'age', 'ms', 'seconds', 'secs', 'minutes', 'hours', 'days', 'store', 'storage', 'cache',
  'mask', 'masked', 'visible', 'visibility', 'toggle', 'icon', 'button', 'btn', 'link', 'dialog', 'modal',
  'page', 'screen', 'view', 'form', 'component', 'module', 'service', 'client', 'helper', 'util', 'utils',
  'test', 'spec', 'example', 'sample', 'key', 'keys', 'prefix', 'suffix', 'separator', 'delimiter', 'char',
  'chars', 'charset', 'encoding', 'bits', 'bytes', 'min', 'max', 'policy', 'complexity', 'rotate', 'arg',
  'args', 'flag', 'flags', 'filenames', 'dirs', 'details', 'info', 'enum',
  // `TOKEN_CLASSIFICATION`: the NLP task, named in model and checkpoint constants.
  'classification', 'classifier',
]);

// Words anywhere in the name that make it non-secret.
const ANY_NEG = new Set([
  'public', 'publishable', 'pub', 'max', 'min', 'num', 'number', 'count', 'total', 'tokenizer', 'tokenize',
  'tokenized', 'tokenization', 'tokenizers', 'is', 'has', 'show', 'hide', 'toggle', 'validate',
  'validation', 'generate', 'forgot', 'placeholder', 'label', 'hint', 'should', 'can', 'allow', 'allowed',
  'needs', 'need', 'require', 'requires', 'use', 'uses', 'no', 'skip', 'ignore', 'disable', 'disabled',
  'template', 'regex', 'pattern', 'keyword', 'keywords', 'keyboard', 'monkey', 'commit', 'sha', 'rev',
  'revision', 'checksum', 'integrity', 'digest', 'hash', 'hashed', 'fingerprint', 'thumbprint',
  // Pagination and request bookkeeping, not credentials: `NextToken`, `ContinuationToken`.
  'next', 'continuation', 'pagination', 'paging', 'cursor', 'marker', 'idempotency', 'csrf', 'xsrf',
  // Test doubles say what they are: `mock_token`, `fakeApiKey`, `DUMMY_SECRET`.
  'mock', 'mocked', 'fake', 'dummy',
  // Accessors hold functions, not values: `mngr->getKey = xmlSecKeysMngrGetKey`.
  'get', 'getter',
  // Optimistic-concurrency tokens (`version_token`, `versionToken`): a revision marker.
  'version',
  // Marker values named for what they are (`_arg_key_sentinel`, `OPENSSH_AUTH_MAGIC`).
  'sentinel', 'magic',
]);

function passwordWord(w: string): boolean {
  return PASSWORD_WORDS.has(w) || w.includes('password') || w.includes('passwd') || w.includes('passphrase') || (w.length > 3 && w.endsWith('pwd')) ||
    FOREIGN_PASSWORD_STEMS.some((s) => w.includes(s));
}

function secretWord(w: string, words: readonly string[]): NameClass | undefined {
  if (w.includes('secret')) return { kind: 'secret', weak: false };
  if (w.includes('token') && !w.includes('tokeniz')) return { kind: 'secret', weak: false };
  if (w.includes('credential') || w === 'cred' || w === 'creds') return { kind: 'secret', weak: false };
  if (w === 'auth' || w === 'authorization' || w === 'authkey' || w === 'xauth') return { kind: 'secret', weak: false };
  if (w === 'key' || w === 'keys') {
    // The word right before decides first: `x.cacheKey` is a cache key, `cache.apiKey` an API key.
    const prev = words[words.lastIndexOf(w) - 1];
    if (prev !== undefined && KEY_ORDINARY.has(prev)) return undefined;
    if (prev !== undefined && KEY_COMPANIONS.has(prev)) return { kind: 'secret', weak: false };
    const others = words.filter((o) => o !== w && !/^[0-9]+$/.test(o));
    if (others.some((o) => KEY_COMPANIONS.has(o))) return { kind: 'secret', weak: false };
    if (others.some((o) => KEY_ORDINARY.has(o))) return undefined;
    return { kind: 'secret', weak: true };
  }
  const m = /^([a-z]+)keys?$/.exec(w);
  if (m && KEY_COMPANIONS.has(m[1]!)) return { kind: 'secret', weak: false };
  // Run-together lower-case names: `googleapikey`, `mapsapikey`, `myaccesskey`.
  if (/(?:api|access|private)keys?$/.test(w)) return { kind: 'secret', weak: false };
  // Any other `<word>key` (`azureFunctionkey`, `sortkey`) is judged like `<word> key`.
  if (m && m[1]!.length >= 3 && !KEY_ENDING_WORDS.has(w)) {
    const at = words.lastIndexOf(w);
    return secretWord('key', [...words.slice(0, at), m[1]!, 'key', ...words.slice(at + 1)]);
  }
  return undefined;
}

/**
 * Lower-case words of a name: snake, kebab, dotted and camel case. Letters and digits stay
 * together (`i18n`, `auth0`), then a trailing version number is dropped (`api_key2` -> `key`).
 */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .map((w) => (w === 'auth0' ? w : w.replace(/(?<=[a-z])[0-9]+$/, '')))
    .filter((w) => w.length > 0);
}

/** Classifies an assignment target; undefined when it does not name a secret. */
export function classifyName(name: string): NameClass | undefined {
  const letterWords = nameWords(name).filter((w) => !/^[0-9]+$/.test(w));
  if (letterWords.length === 0 || letterWords.length > 8) return undefined;
  if (letterWords.some((w) => ANY_NEG.has(w))) return undefined;
  // The last keyword decides the kind: `password_reset_token` holds a token.
  let found: NameClass | undefined;
  let foundAt = -1;
  letterWords.forEach((w, i) => {
    const c = passwordWord(w) ? { kind: 'password' as const, weak: false } : secretWord(w, letterWords);
    if (c) {
      found = c;
      foundAt = i;
    }
  });
  if (!found) return undefined;
  const last = letterWords[letterWords.length - 1]!;
  if (foundAt < letterWords.length - 1 && SUFFIX_NEG.has(last)) return undefined;
  return found;
}
