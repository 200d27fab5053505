// Small word lists for telling placeholders and prose apart from random secrets.

/**
 * Words that make up placeholder values (`YOUR_API_KEY_HERE`, `my-secret-token`, `test123`).
 * A value made only of these words (and a few digits) is not a real secret.
 * No words that are valid hex alone (`add`, `bad`, `dead`): random hex must never qualify.
 */
/**
 * "Password" in other languages, as identifiers spell it in ASCII: Portuguese, Polish, Czech and
 * Slovak, Turkish, Hungarian (whole words: `heslo` is in `theslot`), then Spanish, Dutch, German,
 * Croatian and Serbian, Finnish, Swedish, Danish, Norwegian (found inside a name word too).
 */
export const FOREIGN_PASSWORD_WORDS: readonly string[] = ['senha', 'haslo', 'heslo', 'sifre', 'jelszo'];
export const FOREIGN_PASSWORD_STEMS: readonly string[] = ['contrasen', 'wachtwoord', 'kennwort', 'lozinka', 'salasana', 'losenord', 'adgangskode', 'passord'];

export const PLACEHOLDER_WORDS: ReadonlySet<string> = new Set([
  'your', 'yours', 'my', 'our', 'the', 'here', 'goes', 'put', 'insert', 'replace', 'with', 'enter',
  'set', 'this', 'that', 'to', 'of', 'for', 'and', 'is', 'it', 'me', 'in', 'some', 'any', 'new', 'own',
  'api', 'key', 'keys', 'secret', 'secrets', 'token', 'tokens', 'access', 'auth', 'password', 'passwd',
  'pwd', 'pass', 'passphrase', 'passcode', 'pw', 'client', 'private', 'app', 'application', 'user', 'username',
  'login', 'admin', 'administrator', 'root', 'db', 'database', 'test', 'tests', 'testing', 'tester',
  'dummy', 'sample', 'samples', 'example', 'examples', 'fake', 'mock', 'mocked', 'foo', 'bar', 'baz',
  'qux', 'quux', 'foobar', 'changeme', 'change', 'changeit', 'value', 'values', 'string', 'str',
  'todo', 'fixme', 'tbd', 'none', 'null', 'nil', 'default', 'demo', 'dev', 'develop', 'development',
  'local', 'localhost', 'random', 'xyz', 'service', 'account', 'id', 'placeholder', 'redacted', 'hidden',
  'removed', 'censored', 'confidential', 'not', 'real', 'webhook', 'bearer', 'jwt', 'oauth', 'signing',
  'encryption', 'master', 'aws', 'gcp', 'azure', 'github', 'gitlab', 'slack', 'stripe', 'openai',
  'credential', 'credentials', 'cred', 'creds', 'session', 'hello', 'world', 'welcome', 'letmein',
  'qwerty', 'asdf', 'asdfgh', 'zxcv', 'iloveyou', 'monkey', 'dragon', 'guest', 'super', 'supersecret',
  'top', 'topsecret', 'very', 'prod', 'production', 'staging', 'stage', 'qa', 'live', 'temp', 'tmp',
  'generic', 'generated', 'generate', 'unknown', 'invalid', 'valid', 'expired', 'empty', 'blank',
  // A test's deliberately failing credential: `wrongpass`, `incorrect_password`, `bogus-token`.
  'wrong', 'incorrect', 'bogus',
  'sk', 'pk', 'rk', 'xxx', 'xx', 'xoxb', 'xoxp', 'ghp', 'org', 'project', 'name', 'env',
  'insecure', 'unsafe', 'do', 'use', 'only', 'development', 'must', 'should', 'at', 'least',
  'characters', 'chars', 'long', 'key1', 'key2', 'token1', 'secret1', 'pass1', 'password1',
  // Famous demo passwords (`scott`/`tiger` of Oracle, Mattermost's `mostest`) and `proxyuser:proxypass`.
  'scott', 'tiger', 'mostest', 'proxy',
  // "Password", "secret", "your", "here" and "test" in other languages (`sua_senha_aqui`, `geheim`).
  ...FOREIGN_PASSWORD_WORDS, ...FOREIGN_PASSWORD_STEMS, 'contrasena', 'contrasenya', 'passwort', 'motdepasse', 'passe', 'mot',
  'geheim', 'secreto', 'secreta', 'segredo', 'clave', 'chave', 'sua', 'seu', 'minha', 'meu', 'tua', 'teu',
  'votre', 'ihr', 'dein', 'mein', 'mijn', 'aqui', 'teste', 'prueba', 'usuario', 'utilisateur',
]);

/**
 * Common words for recognising prose and smushed English (`mysupersecretvalue`). Used with
 * a full-segmentation check, so short words are excluded (they would let random text split).
 */
export const ENGLISH_WORDS: ReadonlySet<string> = new Set([
  ...PLACEHOLDER_WORDS,
  'about', 'after', 'again', 'all', 'also', 'always', 'another', 'because', 'before', 'being', 'below',
  'between', 'both', 'but', 'can', 'cannot', 'could', 'did', 'does', 'doing', 'down', 'during', 'each',
  'few', 'from', 'further', 'had', 'has', 'have', 'having', 'her', 'him', 'his', 'how', 'into', 'its',
  'just', 'more', 'most', 'nor', 'now', 'off', 'once', 'other', 'out', 'over', 'same', 'she', 'so',
  'such', 'than', 'their', 'them', 'then', 'there', 'these', 'they', 'those', 'through', 'too',
  'under', 'until', 'was', 'were', 'what', 'when', 'where', 'which', 'while', 'who', 'whom', 'why',
  'will', 'would', 'you', 'get', 'got', 'make', 'made', 'need', 'needs', 'used', 'using', 'want',
  'like', 'know', 'see', 'time', 'year', 'day', 'way', 'thing', 'man', 'woman', 'life', 'child',
  'work', 'part', 'place', 'case', 'week', 'company', 'system', 'program', 'question', 'government',
  'number', 'night', 'point', 'home', 'water', 'room', 'mother', 'area', 'money', 'story', 'fact',
  'month', 'lot', 'right', 'study', 'book', 'eye', 'job', 'word', 'business', 'issue', 'side', 'kind',
  'head', 'house', 'friend', 'father', 'power', 'hour', 'game', 'line', 'end', 'member', 'law', 'car',
  'city', 'community', 'president', 'team', 'minute', 'idea', 'kid', 'body', 'information', 'back',
  'parent', 'face', 'others', 'level', 'office', 'door', 'health', 'person', 'art', 'war', 'history',
  'party', 'result', 'morning', 'reason', 'research', 'girl', 'guy', 'moment', 'air', 'teacher',
  'force', 'education', 'correct', 'horse', 'battery', 'staple', 'apple', 'banana', 'orange', 'summer',
  'winter', 'spring', 'autumn', 'sunshine', 'princess', 'football', 'baseball', 'shadow', 'master',
  'freedom', 'whatever', 'trustno', 'secure', 'security', 'strong', 'weak', 'simple', 'easy', 'hard',
  'open', 'sesame', 'magic', 'black', 'white', 'red', 'blue', 'green', 'yellow', 'purple', 'cat', 'dog',
  'love', 'happy', 'lucky', 'cookie', 'cheese', 'pizza', 'coffee', 'tea', 'sugar', 'honey', 'star',
  'moon', 'sun', 'sky', 'fire', 'ice', 'stone', 'rock', 'tree', 'river', 'ocean', 'mountain', 'server',
  'client', 'config', 'configuration', 'settings', 'setting', 'option', 'options', 'data', 'file', 'files',
  'path', 'url', 'host', 'port', 'type', 'mode', 'state', 'status', 'message', 'error', 'warning',
  'info', 'debug', 'log', 'logs', 'event', 'events', 'handler', 'callback', 'request', 'response',
  'header', 'headers', 'body', 'content', 'format', 'version', 'build', 'release', 'deploy', 'public',
  'internal', 'external', 'global', 'common', 'shared', 'base', 'core', 'main', 'util', 'utils',
  'helper', 'helpers', 'manager', 'provider', 'store', 'storage', 'cache', 'queue', 'worker', 'job',
  'task', 'tasks', 'item', 'items', 'list', 'map', 'index', 'count', 'total', 'max', 'min', 'size',
  'length', 'first', 'last', 'next', 'previous', 'current', 'old', 'updated', 'update', 'create',
  'created', 'delete', 'deleted', 'read', 'write', 'only', 'enabled', 'disabled', 'enable', 'disable',
  'true', 'false', 'yes', 'no', 'on', 'off', 'ok', 'okay', 'done', 'start', 'stop', 'run', 'running',
  'sign', 'signed', 'verify', 'verified', 'check', 'checked', 'reset', 'forgot', 'confirm',
  'confirmation', 'required', 'optional', 'missing', 'found', 'wrong', 'incorrect', 'please', 'must',
  'field', 'input', 'output', 'form', 'page', 'view', 'model', 'controller', 'route', 'router',
  'endpoint', 'customer', 'order', 'product', 'payment', 'invoice', 'email', 'mail', 'phone', 'address',
  'first', 'second', 'third', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine',
  'ten', 'hundred', 'thousand', 'million', 'company', 'team', 'group', 'role', 'roles', 'permission',
  'permissions', 'scope', 'scopes', 'grant', 'refresh', 'expires', 'expiry', 'lifetime', 'bucket',
  'region', 'zone', 'cluster', 'node', 'pod', 'namespace', 'container', 'image', 'volume', 'network',
  'backend', 'frontend', 'api', 'web', 'site', 'website', 'mobile', 'desktop', 'cloud', 'platform',
]);

/**
 * A lower-case run of letters that splits fully into words of `dictionary`, each of two or more
 * letters (`mysupersecretvalue` into English words, `mypassword` into placeholder words).
 */
export function segmentsIntoWords(w: string, dictionary: ReadonlySet<string> = ENGLISH_WORDS): boolean {
  const n = w.length;
  if (n < 2 || n > 64) return false;
  const ok = new Uint8Array(n + 1);
  ok[0] = 1;
  for (let i = 1; i <= n; i++) {
    for (let j = Math.max(0, i - 16); j <= i - 2 && !ok[i]; j++) {
      if (ok[j] && dictionary.has(w.slice(j, i))) ok[i] = 1;
    }
  }
  return ok[n] === 1;
}
