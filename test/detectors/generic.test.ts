import { randomBytes, randomUUID } from '../helpers/test-random.js';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import fg from 'fast-glob';
import { findGenericSecrets, findGenericSecretsAt, findGenericSecretsAtHits, foreignPasswordWordsAt, GENERIC_KEYWORDS, SCAN_KEYWORDS } from '../../src/detectors/generic.js';
import { KeywordMatcher } from '../../src/engine/prefilter.js';
import { scanText } from '../../src/scan.js';
import { builtinSpecs } from '../../src/rules/builtin.js';
import { ALPHABETS, b62, b64, b64url, hex, pw, randomFrom } from './random.js';

type Kind = 'secret' | 'password';
const b64text = (s: string): string => Buffer.from(s).toString('base64');
const jwtLike = (): string =>
  `${b64url(36).replace(/^./, 'eyJ')}.${b64url(120).replace(/^./, 'eyJ')}.${b64url(43)}`;

// [description, line template, secret generator, expected kind]
const positives: Array<[string, (s: string) => string, () => string, Kind]> = [
  // .env and shell
  ['.env password', (s) => `DB_PASSWORD=${s}`, () => pw(20), 'password'],
  ['Java setter with one string argument', (s) => `    dataSource.setPassword("${s}");`, () => pw(16), 'password'],
  ['snake_case setter', (s) => `user.set_password('${s}')`, () => pw(16), 'password'],
  ['builder method named for the secret', (s) => `OpenAIOkHttpClient.builder().apiKey("${s}").build()`, () => b62(40), 'secret'],
  ['with-style builder', (s) => `client = Acme.withApiKey("${s}")`, () => b62(32), 'secret'],
  ['Dovecot plaintext scheme: the password follows it', (s) => `  password: "${s}"`, () => `{PLAIN}${pw(16)}`, 'password'],
  ['word password with a symbol in .NET appSettings', (s) => `<add key="FromEmailPassword" value="${s}"/>`, () => 'Prestigitariu$', 'password'],
  ['.env api key', (s) => `API_KEY=${s}`, () => b62(32), 'secret'],
  ['short password name pw', (s) => `database_pw = "${s}"`, () => pw(20), 'password'],
  ['short password name psw', (s) => `auth_config: {\n  psw: ${s}\n}`, () => pw(20), 'password'],
  ['short password name pswd', (s) => `DB_PSWD=${s}`, () => pw(20), 'password'],
  ['kebab pw in YAML', (s) => `  service-pw: ${s}`, () => b62(32), 'password'],
  ['Java constant wrapped after =', (s) => `    private static final String API_TOKEN =\n            "${s}";`, () => b62(32), 'secret'],
  ['key with a prefix that names it', (s) => `api_key = "${s}"`, () => `ApiKey-${b62(24)}`, 'secret'],
  ['.env Azure client secret starting with a tilde', (s) => `AZURE_CLIENT_SECRET=${s}`, () => '~' + b62(33), 'secret'],
  ['.env password holding = and &', (s) => `DB_PASSWORD=${s}&x`, () => 'Xk9=' + b62(16), 'password'],
  ['Kubernetes env list: name then value', (s) => `        - name: DB_PASSWORD\n          value: "${s}"`, () => pw(20), 'password'],
  ['ECS task definition environment', (s) => `{"environment": [{"name": "STRIPE_SECRET", "value": "${s}"}]}`, () => b62(32), 'secret'],
  ['Terraform env block with comments between', (s) => `env {\n  name  = "API_TOKEN"\n  # rotated monthly\n  value = "${s}"\n}`, () => b62(32), 'secret'],
  ['.env password with unpaired brackets', (s) => `DB_PASSWORD=${s}`, () => 'Xy7(kL]9#mQ2v', 'password'],
  ['YAML password with unpaired brackets', (s) => `  smtp_password: ${s}`, () => 'p4{Rt)8wQ[z!', 'password'],
  ['XML element with blanks around the value', (s) => `<db_password> ${s} </db_password>`, () => pw(20), 'password'],
  ['XML element named by a name attribute', (s) => `<entry name="db_password">${s}</entry>`, () => pw(20), 'password'],
  ['Spring property, name then value', (s) => `<property name="password" value="${s}"/>`, () => pw(20), 'password'],
  ['XML value attribute before the name attribute', (s) => `<setting value="${s}" name="smtp_password"/>`, () => pw(20), 'password'],
  ['directive on its own line with a quoted value', (s) => `  api_key "${s}";`, () => b62(32), 'secret'],
  ['PHP array append', (s) => `$apikey[] = "${s}";`, () => b62(32), 'secret'],
  ['UUID token behind a plainly secret name', (s) => `RAILWAY_API_TOKEN = '${s}'`, () => randomUUID(), 'secret'],
  ['UUID client secret', (s) => `  client_secret: "${s}"`, () => randomUUID(), 'secret'],
  ['UUID API key (Heroku, Postmark and others issue UUID keys)', (s) => `HEROKU_API_KEY=${s}`, () => randomUUID(), 'secret'],
  ['long quoted session token (over 512 characters)', (s) => `session_token = "${s}"`, () => b64url(1500), 'secret'],
  ['quoted token with a stray trailing blank', (s) => `api_token = '${s} '`, () => b62(40), 'secret'],
  ['XML element named by the key with a value attribute', (s) => `<smtp_password value="${s}"/>`, () => pw(20), 'password'],
  ['INI password with unpaired brackets and blanks around =', (s) => `db_password = ${s}`, () => 'Xy7(kL]9#mQ2v', 'password'],
  ['run-together lower-case name', (s) => `googleapikey: '${s}'`, () => b62(32), 'secret'],
  ['punctuation-heavy key of lower case and symbols', (s) => `apikey: "${s}"`, () => 'm{(x]d)r$k[j>z-h_w#c!y%n^g&p*l', 'secret'],
  ['16-character mixed-case key behind a provider key name', (s) => `convertapi_key: "${s}"`, () => 'q7VfK2mXw9LtB4Rz', 'secret'],
  ['JS environment lookup with a literal fallback', (s) => `  accountKey: process.env.ACCOUNT_KEY || "${s}",`, () => b64(64), 'secret'],
  ['config constant with a literal fallback', (s) => `//     apiKey: Config.OPENAI_API_KEY || "${s}",`, () => `sk-${b62(48)}`, 'secret'],
  ['settings constant with a Python fallback', (s) => `SECRET_KEY = settings.DJANGO_SECRET_KEY or '${s}'`, () => pw(40), 'secret'],
  ['Vite environment lookup with ?? and a literal', (s) => `const apiToken = import.meta.env.VITE_API_TOKEN ?? '${s}';`, () => b62(32), 'secret'],
  ['Python getenv with `or` and a literal', (s) => `api_key = os.getenv("API_KEY") or "${s}"`, () => b62(32), 'secret'],
  ['.env secret key holding & and )', (s) => `SECRET_KEY=${s}`, () => `${b62(10)}&${b62(12)})=x-!#${b62(6)}`, 'secret'],
  ['shell parameter default', (s) => `export PGURL=\${DB_PASSWORD:-${s}}`, () => pw(20), 'password'],
  ['.env token as the first query parameter', (s) => `token=${s}&token_type_hint=refresh_token`, () => b62(24), 'secret'],
  ['Gradle buildConfigField (Groovy)', (s) => `buildConfigField 'String', 'API_KEY', '"${s}"'`, () => hex(32), 'secret'],
  ['Gradle buildConfigField (Kotlin)', (s) => `buildConfigField("String", "MAPS_API_KEY", "\\"${s}\\"")`, () => b62(32), 'secret'],
  ['JSON key and value inside a string literal', (s) => `"\\"awsSecretKey\\":\\"${s}\\",\\" +`, () => b64(40), 'secret'],
  ['.env quoted secret key', (s) => `STRIPE_SECRET_KEY="${s}"`, () => b62(40), 'secret'],
  ['export hex40 token', (s) => `export GITHUB_TOKEN=${s}`, () => hex(40), 'secret'],
  ['export single-quoted base64', (s) => `export AWS_SECRET_ACCESS_KEY='${s}'`, () => b64(40), 'secret'],
  ['.env base64url session secret', (s) => `SESSION_SECRET=${s}`, () => b64url(48), 'secret'],
  ['.env jwt signing key', (s) => `JWT_SIGNING_KEY=${s}`, () => b64(44), 'secret'],
  ['.env spaced bare password', (s) => `REDIS_PASSWORD = ${s}`, () => pw(16), 'password'],
  ['shell export after other commands', (s) => `set -e; export SLACK_WEBHOOK_SECRET=${s}`, () => hex(32), 'secret'],
  ['.npmrc auth token', (s) => `//registry.npmjs.org/:_authToken=${s}`, () => b62(36), 'secret'],
  // YAML
  ['yaml bare password', (s) => `password: ${s}`, () => pw(24), 'password'],
  ['yaml quoted client secret', (s) => `  client_secret: "${s}"`, () => b62(40), 'secret'],
  ['yaml single-quoted apiKey', (s) => `  apiKey: '${s}'`, () => b64url(39), 'secret'],
  ['yaml hex64 auth token', (s) => `auth_token: ${s}`, () => hex(64), 'secret'],
  ['yaml nested secret', (s) => `app:\n  db:\n    secret: ${s}\n`, () => b62(32), 'secret'],
  ['yaml private key base64', (s) => `private_key: ${s}`, () => b64(64), 'secret'],
  ['yaml k8s Secret data (base64 of a random password)', (s) => `data:\n  password: ${s}`, () => b64text(pw(20)), 'password'],
  ['yaml bare key (weak name)', (s) => `key: ${s}`, () => b62(40), 'secret'],
  ['yaml list item', (s) => `  - access_token: ${s}`, () => b62(40), 'secret'],
  // JSON
  ['json api_key', (s) => `{"api_key": "${s}"}`, () => b62(32), 'secret'],
  ['json compact password', (s) => `"password":"${s}",`, () => pw(18), 'password'],
  ['json spaced clientSecret', (s) => `  "clientSecret" : "${s}"`, () => b64url(43), 'secret'],
  ['docker config auth (base64 user:password)', (s) => `{"auths":{"registry.invalid":{"auth":"${s}"}}}`, () => b64text(`deploy:${b62(24)}`), 'secret'],
  ['json privateKey base64', (s) => `"privateKey": "${s}"`, () => b64(88), 'secret'],
  ['json id token (JWT-like)', (s) => `"id_token": "${s}"`, jwtLike, 'secret'],
  // properties / INI / TOML
  ['spring properties password', (s) => `spring.datasource.password=${s}`, () => pw(20), 'password'],
  ['dotted properties secret key', (s) => `aws.secret.key=${s}`, () => b62(40), 'secret'],
  ['properties colon password', (s) => `db.password : ${s}`, () => pw(14), 'password'],
  ['ini section password', (s) => `[database]\nhost = db\npassword = ${s}\n`, () => pw(20), 'password'],
  ['toml api token', (s) => `api_token = "${s}"`, () => b62(36), 'secret'],
  ['toml encryption key', (s) => `encryption_key = "${s}"`, () => b64(44), 'secret'],
  // Terraform / HCL
  ['hcl password', (s) => `  password = "${s}"`, () => pw(20), 'password'],
  ['hcl access key', (s) => `  access_key = "${s}"`, () => b62(32), 'secret'],
  ['hcl client secret', (s) => `  client_secret = "${s}"`, () => b64url(40), 'secret'],
  // command lines
  ['curl bearer header', (s) => `curl -H "Authorization: Bearer ${s}" https://api.host.invalid/v1`, () => b62(40), 'secret'],
  ['literal passphrase of words', (s) => `DB_PASSWORD="${s}"`, () => `correct-horse-battery-${randomFrom('abcdefghijkmnpqrstuvwxyz', 6)}9`, 'password'],
  ['XML element text on a line of its own', (s) => `<genericToken>\n    ${s}\n</genericToken>`, () => b62(32), 'secret'],
  ['YAML literal block scalar of one line', (s) => `generic_token: |\n  ${s}`, () => b62(32), 'secret'],
  ['YAML folded block scalar followed by a key', (s) => `generic_token: >-\n  ${s}\nother: 1`, () => b64(40), 'secret'],
  ['PHP append-assignment', (s) => `$genericToken .= "${s}";`, () => b62(32), 'secret'],
  ['Makefile append', (s) => `API_TOKEN += ${s}`, () => b62(32), 'secret'],
  ['Makefile ::= assignment', (s) => `API_TOKEN ::= "${s}"`, () => b62(32), 'secret'],
  ['Authorization header with the Key scheme (Clarifai, FCM)', (s) => `    "Authorization": "Key ${s}",`, () => hex(32), 'secret'],
  ['flag with =', (s) => `mysql --password=${s} -u root`, () => pw(16), 'password'],
  ['flag with blank', (s) => `./deploy --api-key ${s} --region eu`, () => b62(32), 'secret'],
  ['quoted flag value', (s) => `docker login --password "${s}" registry.invalid`, () => pw(20), 'password'],
  ['kubectl from-literal', (s) => `kubectl create secret generic db --from-literal=password=${s}`, () => pw(16), 'password'],
  ['.netrc', (s) => `machine api.host.invalid login deploy password ${s}`, () => pw(20), 'password'],
  ['SQL create user', (s) => `CREATE USER app WITH PASSWORD '${s}';`, () => pw(16), 'password'],
  ['http header', (s) => `x-api-key: ${s}`, () => b62(40), 'secret'],
  ['url query parameter', (s) => `GET https://api.host.invalid/v1/data?access_token=${s}&page=2`, () => b62(40), 'secret'],
  ['url credentials behind a secret name', (s) => `DB_CREDENTIALS=postgres://app:${s}@db.internal:5432/app`, () => b62(20), 'password'],
  // Dockerfile
  ['Dockerfile ENV =', (s) => `ENV API_TOKEN=${s}`, () => b62(32), 'secret'],
  ['Dockerfile ENV blank', (s) => `ENV SECRET_KEY ${s}`, () => b64url(40), 'secret'],
  // XML
  ['xml element', (s) => `<password>${s}</password>`, () => pw(20), 'password'],
  ['.NET appSettings', (s) => `<add key="StorageAccountKey" value="${s}" />`, () => `${b64(86)}==`, 'secret'],
  ['xml attribute', (s) => `<entry secretKey="${s}"/>`, () => b62(32), 'secret'],
  ['xml element hex token', (s) => `<apiToken>${s}</apiToken>`, () => hex(40), 'secret'],
  // Python
  ['python constant', (s) => `API_KEY = "${s}"`, () => b62(32), 'secret'],
  ['python password', (s) => `password = '${s}'`, () => pw(16), 'password'],
  ['python kwarg', (s) => `client = Client(api_key="${s}")`, () => b62(40), 'secret'],
  ['python annotated', (s) => `SECRET_KEY: str = "${s}"`, () => b64url(50), 'secret'],
  ['python dict header', (s) => `headers = {"X-Api-Key": "${s}"}`, () => hex(32), 'secret'],
  ['python environ assignment', (s) => `os.environ["API_TOKEN"] = "${s}"`, () => b62(32), 'secret'],
  ['python bytes literal', (s) => `token = b"${s}"`, () => b62(32), 'secret'],
  // JavaScript / TypeScript
  ['js const', (s) => `const apiKey = "${s}";`, () => b62(32), 'secret'],
  ['js object', (s) => `const config = { clientSecret: '${s}' };`, () => b64url(40), 'secret'],
  ['ts annotated template literal', (s) => `let authToken: string = \`${s}\`;`, () => b62(40), 'secret'],
  ['ts export hex', (s) => `export const SIGNING_SECRET = "${s}";`, () => hex(64), 'secret'],
  ['js this.password', (s) => `this.password = "${s}";`, () => pw(20), 'password'],
  // Go
  ['go short assign', (s) => `apiKey := "${s}"`, () => b62(32), 'secret'],
  ['go typed var', (s) => `var secretToken string = "${s}"`, () => b62(40), 'secret'],
  ['go const', (s) => `const DbPassword = "${s}"`, () => pw(18), 'password'],
  // Java
  ['java constant', (s) => `private static final String API_SECRET = "${s}";`, () => b62(32), 'secret'],
  ['java setProperty', (s) => `props.setProperty("password", "${s}");`, () => pw(16), 'password'],
  ['java local', (s) => `String accessToken = "${s}";`, () => b64url(43), 'secret'],
  // Ruby
  ['rails secret_key_base', (s) => `config.secret_key_base = '${s}'`, () => hex(128), 'secret'],
  ['ruby ENV assignment', (s) => `ENV['API_KEY'] = "${s}"`, () => b62(32), 'secret'],
  ['ruby hash rocket', (s) => `:api_secret => "${s}",`, () => b62(32), 'secret'],
  ['ruby ||=', (s) => `@token ||= "${s}"`, () => b62(32), 'secret'],
  // PHP
  ['php variable', (s) => `$password = '${s}';`, () => pw(16), 'password'],
  ['php define', (s) => `define('AUTH_KEY', '${s}');`, () => b64(48), 'secret'],
  ['php array', (s) => `'api_key' => '${s}',`, () => b62(32), 'secret'],
  // C#
  ['c# const', (s) => `private const string ClientSecret = "${s}";`, () => b62(32), 'secret'],
  ['ado.net connection string', (s) => `var cs = "Server=db;User Id=sa;Password=${s};";`, () => pw(16), 'password'],
  ['c# verbatim string', (s) => `string apiKey = @"${s}";`, () => b62(32), 'secret'],
  // C
  ['#define', (s) => `#define API_SECRET "${s}"`, () => b62(32), 'secret'],
  // Name, then value, in other languages and commands
  ['property list key then string', (s) => `\t<key>APIKey</key>\n\t<string>${s}</string>`, () => b62(32), 'secret'],
  ['Terraform variable default', (s) => `variable "db_password" {\n  type      = string\n  sensitive = true\n  validation {\n    condition = length(var.db_password) > 8\n  }\n  default   = "${s}"\n}`, () => pw(20), 'password'],
  ['R assignment arrow', (s) => `api_key <- "${s}"`, () => b62(32), 'secret'],
  ['Clojure def', (s) => `(def api-token "${s}")`, () => b62(32), 'secret'],
  ['Emacs Lisp setq', (s) => `(setq openai-api-key "${s}")`, () => b62(32), 'secret'],
  ['fish set -gx', (s) => `set -gx API_TOKEN ${s}`, () => b62(32), 'secret'],
  ['CMake set', (s) => `set(SIGNING_PASSWORD "${s}")`, () => pw(20), 'password'],
  ['aws configure set', (s) => `aws configure set aws_secret_access_key ${s} --profile ci`, () => b64(30), 'secret'],
  ['npm config set registry token', (s) => `npm config set //npm.acme.example/:_authToken ${s}`, () => b62(36), 'secret'],
  ['git config --global', (s) => `git config --global github.token ${s}`, () => b62(40), 'secret'],
  ['gh secret set --body', (s) => `gh secret set DEPLOY_TOKEN --body "${s}"`, () => b62(40), 'secret'],
  ['Android meta-data android:value', (s) => `<meta-data android:name="com.acme.API_SECRET" android:value="${s}"/>`, () => b62(32), 'secret'],
  ['Kotlin mapOf to', (s) => `val cfg = mapOf("user" to "app", "password" to "${s}")`, () => pw(16), 'password'],
  ['CloudFormation parameter default (YAML)', (s) => `Parameters:\n  DBPassword:\n    Type: String\n    NoEcho: true\n    MinLength: 8\n    Default: ${s}\n  Env:\n    Type: String`, () => pw(16), 'password'],
  ['CloudFormation parameter default (JSON)', (s) => `{"Parameters": {"DBPassword": {"Type": "String", "NoEcho": true, "Default": "${s}"}}}`, () => pw(16), 'password'],
];

describe('findGenericSecrets: positives', () => {
  it('has a broad table', () => {
    expect(positives.length).toBeGreaterThanOrEqual(60);
  });

  it.each(positives)('%s', (_label, line, gen, kind) => {
    const secret = gen();
    const text = line(secret);
    const hits = findGenericSecrets(text);
    expect(hits.map((h) => h.value)).toEqual([secret]);
    const hit = hits[0]!;
    expect(text.slice(hit.start, hit.end)).toBe(secret);
    expect(hit.kind).toBe(kind);
    expect(hit.entropy).toBeGreaterThan(2);
  });
});

// Lines that must give no hit at all.
const negatives: Array<[string, () => string]> = [
  // lockfiles and integrity hashes
  ['package-lock integrity', () => `      "integrity": "sha512-${b64(86)}==",`],
  // name-then-value commands whose value is not there
  ['gh secret set from a file', () => `gh secret set DEPLOY_TOKEN < token.txt`],
  ['Terraform variable without a default', () => `variable "db_password" {\n  type      = string\n  sensitive = true\n}\n\nresource "x" "y" {\n  default = "${b62(32)}"\n}`],
  ['R comparison with a negative number', () => `if (token_count <-1) stop("x")`],
  ['CloudFormation parameter without a default', () => `Parameters:\n  DBPassword:\n    Type: String\n    NoEcho: true\n  Env:\n    Type: String\n    Default: ${b62(20)}`],
  ['OpenAPI schema property default', () => `properties:\n  password:\n    type: string\n    default: ${b62(20)}`],
  ['a secret name without a value, then a sibling parameter', () => `Parameters:\n  DBPassword:\n  Env:\n    Type: String\n    Default: ${b62(20)}`],
  ['property list key then a boolean', () => `<key>UseSecretKey</key>\n<true/>`],
  ['property list key element', () => `<key>CFBundleShortVersionString</key><string>1.0.0</string>`],
  ['a bare key compared with a literal', () => `elif key == "vdw_correction_${hex(12)}" and value:`],
  ['a comparison after "pass:" in prose', () => `# First pass: decided_mask==0, every element participates.`],
  ['S3 listing object name', () => `<Contents><Key>${b62(32)}</Key><Size>1</Size></Contents>`],
  ['package-lock resolved', () => `      "resolved": "https://registry.npmjs.org/js-tokens/-/js-tokens-4.0.0.tgz",`],
  ['package-lock package key', () => `    "node_modules/jsonwebtoken": {`],
  ['package.json dependency', () => `    "jsonwebtoken": "^9.0.2",`],
  ['scoped dependency', () => `    "@octokit/auth-token": "^4.0.0",`],
  ['go.sum line', () => `golang.org/x/oauth2 v0.15.0 h1:${b64(43)}=`],
  ['go.sum go.mod line', () => `github.com/hashicorp/vault/api/auth/approle v0.5.0/go.mod h1:${b64(43)}=`],
  ['requirements hash', () => `keyring==24.3.0 --hash=sha256:${hex(64)}`],
  ['requirements hash named secret', () => `secretstorage==3.3.3 --hash=sha256:${hex(64)}`],
  ['yarn.lock integrity', () => `  integrity sha512-${b64(86)}==`],
  ['SRI script tag', () => `<script src="/auth.js" integrity="sha384-${b64(64)}" crossorigin="anonymous"></script>`],
  ['digest-prefixed token value', () => `token: sha256:${hex(64)}`],
  // references and expressions
  ['k8s secretKeyRef', () => `          secretKeyRef:\n            name: db-credentials\n            key: password`],
  ['compose variable', () => `password: \${DB_PASSWORD}`],
  ['function call', () => `token = getToken()`],
  ['process.env', () => `apiKey: process.env.API_KEY`],
  ['helm template', () => `password: "{{ .Values.db.password }}"`],
  ['os.environ index', () => `api_key = os.environ["API_KEY"]`],
  ['os.getenv', () => `api_key = os.getenv("API_KEY")`],
  ['ruby ENV read', () => `secret = ENV['SECRET_KEY']`],
  ['java getenv', () => `String password = System.getenv("DB_PASSWORD");`],
  ['actions secret', () => `token: \${{ secrets.GITHUB_TOKEN }}`],
  ['vault reference', () => `password: vault:secret/data/db#password`],
  ['sops encrypted', () => `password: ENC[AES256_GCM,data:${b64(20)},iv:${b64(24)},type:str]`],
  ['yaml alias', () => `secret: *default_secret`],
  ['yaml tag', () => `password: !vault |`],
  ['erb', () => `secret_key_base: <%= ENV["SECRET_KEY_BASE"] %>`],
  ['member expression', () => `api_key = this.apiKey`],
  ['member chain', () => `token = self.token_provider.current_token`],
  ['terraform reference', () => `  password = var.db_password`],
  ['terraform resource attribute', () => `  password = random_password.db.result`],
  ['await call', () => `const token = await getAccessToken();`],
  ['header lookup', () => `auth_token = request.headers.get("Authorization")`],
  ['java getter', () => `String apiKey = config.getApiKey();`],
  ['random bytes call', () => `let secretKey = crypto.randomBytes(32).toString('hex');`],
  ['xml element template', () => `<password>\${DB_PASSWORD}</password>`],
  ['shell command substitution', () => `export TOKEN="$(vault read -field=token secret/ci)"`],
  ['python f-string', () => `token = f"{prefix}{suffix}"`],
  // null-ish and non-values
  ['None', () => `password = None`],
  ['null', () => `token: null`],
  ['boolean', () => `auth: true`],
  ['empty string', () => `"password": "",`],
  ['empty single quotes', () => `password: ''`],
  ['object', () => `credentials: {`],
  // public material
  ['ssh public key', () => `deploy_key: ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${b64(43)} ci@host`],
  ['ssh public key blob', () => `ssh_key: "AAAAB3NzaC1yc2EAAAADAQABAAABAQ${b64(300)}"`],
  ['PEM public key header', () => `signing_key: "-----BEGIN PUBLIC KEY-----"`],
  ['certificate base64', () => `cert_key: MIIDdzCCAl+gAwIBAgI${b64(100)}`],
  ['stripe publishable live', () => `STRIPE_KEY=pk_live_${b62(24)}`],
  ['stripe publishable test', () => `stripePublishableKey: 'pk_test_${b62(24)}'`],
  ['public_key name', () => `public_key: ${b64(44)}`],
  ['publishable_key name', () => `publishable_key = "${b62(32)}"`],
  // names that are about secrets but hold no secret
  ['token_url', () => `token_url: https://oauth2.googleapis.com/token`],
  ['token_type', () => `token_type: Bearer`],
  ['password_length', () => `password_length: 32`],
  ['max_tokens', () => `max_tokens: 4096`],
  ['num_tokens', () => `num_tokens = 2048`],
  ['key_id', () => `key_id: ${hex(32)}`],
  ['api_key_id', () => `api_key_id = "${b62(20)}"`],
  ['tokenizer call', () => `tokenizer = AutoTokenizer.from_pretrained("bert-base-uncased")`],
  ['tokenizer name', () => `tokenizer_name: ${b62(24)}`],
  ['token sha', () => `token_sha256: ${hex(64)}`],
  ['password hash', () => `password_hash: ${hex(64)}`],
  ['secret digest', () => `secret_digest = "${hex(64)}"`],
  ['api key checksum', () => `api_key_checksum: ${hex(40)}`],
  ['auth nonce', () => `auth_nonce = ${hex(32)}`],
  ['password salt', () => `passwordSalt: "${b64(24)}"`],
  ['private key id (GCP json)', () => `  "private_key_id": "${hex(40)}",`],
  ['token endpoint', () => `"token_endpoint": "https://login.host.invalid/oauth2/v2.0/token"`],
  ['auth type', () => `"auth_type": "oauth2"`],
  ['password file flag', () => `--password-file=/etc/app/pw.txt`],
  ['password field lookup', () => `const passwordField = document.getElementById("password");`],
  ['html input', () => `<input type="password" name="password" placeholder="Enter password">`],
  ['length check', () => `if (password.length < 8) {`],
  ['cache key', () => `cache_key = "${b62(32)}"`],
  ['sort key', () => `sort_key: ${b62(24)}`],
  ['monkey', () => `monkey = "${b62(32)}"`],
  ['author', () => `author: "${b62(32)}"`],
  ['bypass', () => `bypass = "${b62(32)}"`],
  // uuids, digests, versions, dates, numbers, paths, urls
  ['date', () => `client_secret: 2024-01-15`],
  ['timestamp', () => `password: 2023-10-01T12:00:00Z`],
  ['version', () => `api_key: v1.2.3`],
  ['Maven coordinate in prose', () => `notes = "Maven - io.jsonwebtoken:jjwt-jackson-0.11.2"`],
  ['cipher name under a password key', () => `password_encryption: "AES-256-GCM"`],
  ['pw inside a word is no name', () => `upward = "${pw(20)}"`],
  ['empty assignment, next line another key', () => `api_token =\nother = "${b62(32)}"`],
  ['label constant that spells its own name', () => `export const FLOW_PASSWORD_REQUIRED_V2 =\n    "FlowPasswordRequiredResultV2";`],
  ['bytes written as escapes', () => `row_key = "some_id#2024-04-30#\\x00\\x13\\x00\\xf3"`],
  ['export of a name under itself', () => `exports.ResetPasswordSubmitCodeResult = ResetPasswordSubmitCodeResult;`],
  ['property from an object of the same name', () => `        password: signInInputs.password,`],
  ['constant naming the same words', () => `    submitPassword: SIGN_IN_V2_SUBMIT_PASSWORD,`],
  ['enum value restating its member', () => `  VerifyPassword = "identitytoolkit#VerifyPasswordResponse",`],
  ['type annotation inside a source map string', () => `{"version":3,"sourcesContent":["export interface Opts {\\n  password: string\\n  token: ${'A'}uthPluginDefinition\\n}"]}`],
  ['generic type as a property type', () => `  mysql_clear_password: AuthPluginDefinition<{`],
  ['GPG key fingerprint', () => `- Release GPG key: ${hex(40).toUpperCase()}`],
  ['optimistic-concurrency version token', () => `"version_token": "${b62(43)}"`],
  ['union of string literal types', () => `export type AuthorizationStrategy = "SMART_ON_FHIR_V1"|"AWS_AUTH"|string;`],
  ['constant name as a value', () => `    submitNewPassword: RESET_PASSWORD_V2_SUBMIT,`],
  ['type alias', () => `type OIDCAuthProviderConfig = TOIDCAuthProviderConfig;`],
  ['type intersection', () => `export type ResetPasswordInputs = CustomAuthActionInputs & {`],
  ['annotated variable', () => `const fastPassParams: JitSubmitChallengeParams = {`],
  ['typed-array parameter type', () => `export declare function pbkdf2(password: Uint8Array, salt: Uint8Array): Uint8Array;`],
  ['\$-joined generated type name', () => `  hcxActivationKeys: Resource$Projects$Locations$Privateclouds$Hcxactivationkeys;`],
  ['regular expression character class', () => `const tokenMatch = "[a-zA-Z0-9!#$%&'*+.^_|~-]+";`],
  ['percent-encoded text with spaces', () => `assert.equal(encoded, 'key=value&anotherkey=anothervalue%20with%20spaces');`],
  ['nullish fallback in minified code', () => `return vt(l,{config:d,TokenConverter:f.converter??Ge,TermOperator:J})`],
  ['API path with a custom method', () => `  SIGN_IN_WITH_PASSWORD = '/v1/accounts:signInWithPassword',`],
  ['enum type of a secret store', () => `export type SecurePasswordStoreApplicationNameEnum = 'template_sps';`],
  ['Java cipher transformation', () => `password: "RSA/ECB/OAEPWithSHA-256AndMGF1Padding"`],
  ['package pinned at a version', () => `token_lib = "python-jose==3.3.0"`],
  ['Maven artifact and version after a colon', () => `Google Auth Library - OAuth2 HTTP (com.google.auth:google-auth-library-oauth2-http:1.3.0 - https://x.invalid)`],
  ['float', () => `secret: 3.14159265`],
  ['number', () => `password: 12345678901234`],
  ['secret path', () => `password: /run/secrets/db_password`],
  ['relative path', () => `private_key: ./keys/service-account.json`],
  ['ssl key path', () => `ssl_key: /etc/ssl/private/server.key`],
  ['windows path', () => `api_key_path = C:\\keys\\api.pfx`],
  ['key file path', () => `signing_key: keys/signing/prod.pem`],
  ['url without credentials', () => `api_key: https://vault.internal/v1/secret/api`],
  ['url with user but no password', () => `auth: https://deploy@git.host.invalid/repo.git`],
  // identifiers, words, prose
  ['camelCase identifier value', () => `access_token: accessTokenFromSession`],
  ['snake_case identifier value', () => `client_secret: stripe_webhook_signing_value`],
  ['bare identifier assignment', () => `password = userPasswordInput`],
  ['snake identifier assignment', () => `password = new_password_value`],
  ['English smushed', () => `secret: mysupersecretvalue`],
  ['prose with spaces', () => `secret: "correct horse battery staple"`],
  ['description prose', () => `description: "the secret token used for auth"`],
  ['kebab identifier', () => `"key": "user-settings-theme"`],
  ['key value', () => `"key": "value"`],
  // placeholders
  ['changeme', () => `password: changeme`],
  ['password literal', () => `password: "password"`],
  ['single-class password', () => `DB_PASSWORD=postgres`],
  ['your api key here', () => `api_key: YOUR_API_KEY_HERE`],
  ['angle placeholder', () => `api_key = "<your-api-key>"`],
  ['masked x', () => `secret_key: xxxxxxxxxxxxxxxxxxxxxxxx`],
  ['masked stars', () => `token: "********"`],
  ['aws docs secret', () => `AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`],
  ['aws docs key id', () => `aws_access_key_id = AKIAIOSFODNN7EXAMPLE`],
  ['repeated', () => `password: aaaaaaaaaaaa`],
  ['alphabet', () => `secret = "abcdefghijklmnop"`],
  ['sequential hex', () => `api_token: 1234567890abcdef`],
  ['base64 of user:password', () => `auth: "dXNlcm5hbWU6cGFzc3dvcmQ="`],
  ['base64 of admin:admin', () => `password: "${b64text('admin:admin')}"`],
  ['base64 of a word', () => `secret: ${b64text('password12345678')}`],
  ['base64 of prose', () => `token: ${b64text('this is not a real token')}`],
  ['too short', () => `api_key: "${hex(8)}"`],
  ['short word password', () => `password: 'hunter'`],
  // shapes seen in real dependency code (type declarations, minified bundles)
  ['d.ts parameter type', () => `    password: BinaryLike,`],
  ['d.ts namespaced type', () => `    key: NodeJS.ArrayBufferView,`],
  ['d.ts enum member', () => `    token: SyntaxKind.Unknown;`],
  ['d.ts class type', () => `    cancellationToken: HostCancellationToken;`],
  ['optional chaining', () => `{pass: matchResult?.pass, message}`],
  ['minified ternary', () => `nextLastSignificantToken: ?InterpolationInJSX`],
  ['package.json script arg', () => `"pass-arg": "asyncify-imports@env.await_promise_sync"`],
  ['minified identifiers', () => `var openTokenDepth = nextBraceIsClass, resultingToken = startedWithBacktick;`],
  // seen in npm packages (aws-sdk, three, angular, chevrotain): names, types and code, not values
  ['d.ts type with acronyms', () => `    KeyIdentifier?: KeyArnOrKeyAliasType;`],
  ['d.ts type with digits', () => `    KdcAdminPassword: XmlStringMaxLen256;`],
  ['d.ts dictionary-word type', () => `    Passphrase: PassphraseBlob;`],
  ['paginator result key', () => `      "result_key": "SecurityGroupForVpcs"`],
  ['result key with acronym', () => `      "result_key": "VpcPeeringConnections"`],
  ['attribute path', () => `  "Key": "access_logs.s3.bucket",`],
  ['header name as value', () => `const SSE_KEY = "x-amz-server-side-encryption-customer-key-MD5";`],
  ['minified member with operator', () => `o.secretAccessKey=e.error.retryable=!0`],
  ['string concatenation', () => `a="Credential="+e.accessKeyId+"/"`],
  ['minified fallback', () => `credentials:e.masterCredentials||a.config.credentials`],
  ['minified member value', () => `f.uniforms.shadow_pass.value=n.map.texture`],
  ['JMESPath', () => `"output_token": "Jobs[-1].JobId"`],
  ['ARN with secretsmanager', () => `"SecretId": "arn:aws:secretsmanager:us-west-2:123456789012:secret:MyTestDatabaseSecret-a1b2c3"`],
  ['value naming a secret', () => `"SecretName": "MyTestDatabaseSecret-a1b2c3d4"`],
  ['pagination token', () => `"NextContinuationToken": "1w41l63U0xa8q7smH50vCxyTQqdxo69O3EmK28Bi5PcROI4wI/EyIJg=="`],
  ['repeated piece', () => `client_secret = "gPFEGk7CF4wS901w7ppYclt7gPFEGk7CF4wS901w7ppYclt7"`],
  ['OpenSSL ciphertext', () => `secret: "U2FsdGVkX19nBV2zoh+Gou9NgnulLJHWpn9xnG4hqSOfvw3o2JqjI86QDxe"`],
  ['CSS selector in a password field', () => `this.addPassword = "#add-password";`],
  ['label in a password field', () => `usernameLabel:"Username or email:",passwordLabel:"Password:"`],
  ['paired brackets on a config line are code', () => `password=getPasswordFromVault(name)`],
  ['UUID behind a bare key name', () => `key = "${randomUUID()}"`],
  ['Datadog browser client token (public by design)', () => `clientToken: "pub${hex(32)}",`],
  ['UUID idempotency token', () => `"ClientRequestToken": "${randomUUID()}",`],
  ['UUID lifecycle action token', () => `"LifecycleActionToken": "${randomUUID()}",`],
  ['the Wikipedia example UUID as a token', () => `"clientToken": "550e8400-e29b-41d4-a716-446655440000",`],
  ['member chain compared with an operator', () => `    askPassSetInConfig: config?.core?.askpass !== undefined,`],
  ['enum constant behind a key-details name', () => `    keyDetails: protobuf_specs_1.PublicKeyDetails.PKIX_ECDSA_P256_SHA_256,`],
  ['type annotation naming a key class', () => `        self, private_key: ed25519.Ed25519PrivateKey, f_priv: _FragList`],
  ['option name starting with pass', () => `    cfgv.Optional('pass_filenames', cfgv.check_bool, True),`],
  ['getter assigned a function', () => `    mngr->getKey = xmlSecKeysMngrGetKey;`],
  ['GPG fingerprint after --recv-keys', () => `gpg --keyserver hkps://keys.openpgp.org --recv-keys 5BE8A3F6C8A5C01D106C0AD820B1A390B168D356`],
  ['short cipher name behind a bare key name', () => `jdk.tls.keyLimits=AES/GCM/NoPadding KeyUpdate 2^37`],
  ['XML-ish text not closed by its own tag', () => `<protocol>://[<user>:<password>\\[rB]@\\[rB]<hostname>`],
  ['prose that starts with Pass and quotes an option', () => `Pass "-Dpamconfdir=no" to meson to avoid installing this file.`],
  ['SOPS value on a config line', () => `api_token: ENC[AES256_GCM,data:Xk9mQ2vL8rT4wZ7p,iv:abc,type:str]`],
  ['HTML password input with a name attribute', () => `<input type="password" name="password" value="" autocomplete="current-password">`],
  ['label element for a password field', () => `<label for="password">Password</label>`],
  ['return of a string after a secret-named line', () => `password\n  return "q9Xv2LmT8rWz4KpN7bYcH3";`],
  ['label string followed by another label', () => `passwordLabel:"Password:",rememberMeLabel:"Remember me:"`],
  ['shell variable spliced into quotes', () => `- echo 'export DATABASE_PASSWORD="'$PRECOMPILE_PASSWORD'"' >> .env`],
  ['HTML-escaped placeholder', () => `"password": "&lt;YOURPASSWORD&gt;"`],
  ['query string without a secret parameter', () => `AZURE_BLOB_SAS_TOKEN=st=2025-03-04T07:24:52Z&se=2025-04-04T15:24:52Z&spr=https&sv=2022-11-02&sr=c`],
  ['quoted query string', () => `token = "st=2025-03-04T07:24:52Z&se=2025-04-04T15:24:52Z&sr=c"`],
  ['Kubernetes env from a secret reference', () => `- name: DB_PASSWORD\n  valueFrom:\n    secretKeyRef: {name: db, key: password}\n- name: BUILD_ID\n  value: ${b62(24)}`],
  ['value of the next list item', () => `- name: DB_PASSWORD\n- name: BUILD_ID\n  value: ${b62(24)}`],
  ['Maven password encrypted with the master password', () => `<password>{COQLCE6DU6GtcS5P=}</password>`],
  // Quoted, as Spring's docs write it in YAML (unquoted in .properties the braces already make it code).
  ['Spring Cloud Config ciphertext', () => `  password: '{cipher}${hex(64)}'`],
  // Joined at test time: the whole hash in this file would be a password-hash-mysql finding.
  ['MySQL native password hash', () => `password: '${['*2470C0C06DEE42FD16', '18BB99005ADCA2EC9D1E19'].join('')}'`],
  // Calls that read, check or hash a secret, or pass more than the secret: not a setter's argument.
  ['getter with a property name', () => `String pw = props.getPassword("${b62(16)}");`],
  ['check of a literal', () => `if (checkPassword("${pw(16)}")) return;`],
  ['setter given a variable', () => `conf.setPassword(System.getenv("DB_PASSWORD"));`],
  ['setter with two arguments', () => `x.setToken("${b62(32)}", true);`],
  ['bare call named for the secret (not a method)', () => `token("${b62(32)}")`],
  // Hashes, not plaintext: the password-hash rules report the well-formed ones.
  ['SCRAM verifier under a password name', () => `password: "SCRAM-SHA-256$4096:${b64(24)}$${b64(44)}:${b64(44)}"`],
  ['malformed SCRAM verifier under a password name', () => `password: "SCRAM-SHA-512$4096:${b64text('salt')}$${b64text('stored:server')}"`],
  ['LDAP salted hash under a password name', () => `  bind_password: "{SSHA}${b64text(randomBytes(24).toString('latin1'))}"`],
  ['PostgreSQL md5 hash under a password name', () => `DB_PASSWORD=md5${hex(32)}`],
  ['Dovecot crypt scheme under a password name', () => `password = "{SHA512-CRYPT}$6$${b62(16)}$${b62(86)}"`],
  ['Python format string', () => `format_password = "prefix_{}".format(dynamic_value1)`],
  ['printf-style template', () => `conn_password = "%s:%s_Zk29" % (user, suffix)`],
  ['environment lookup without a fallback', () => `  accountKey: process.env.ACCOUNT_KEY || defaultKey,`],
  ['config constant without a fallback', () => `  apiKey: Config.OPENAI_API_KEY || Config.FALLBACK_KEY,`],
  ['shell default that is a placeholder in mixed case', () => `DB=\${POSTGRES_PASSWORD:-PaSsW0Rd}`],
  ['.env value followed by a shell &&', () => `API_TOKEN=${b62(6)}&&/usr/bin/deploy --fast`],
  ['a test double named as such', () => `mock_token="${b64url(86)}"`],
  ['a fake key named as such', () => `const fakeApiKey = "${b62(32)}";`],
  ['Jasypt ciphertext', () => `secret='ENC(2048:${b62(40)})'`],
  ['base64 of an ENC[…] ciphertext marker', () => `secret='${b64text(`ENC[RSA,${b62(40)}]`)}'`],
  ['base64 prose pieces joined like a JWT', () => `token1=${['This is a test', 'Another string', 'Last part here'].map(b64text).join('.')}`],
  ['base64 of a JWT header cut short', () => `  bearerToken: "${b64text('{"alg":"HS256","typ":"JW')}"`],
  ['code between two string literals', () => `"cs": "concat('Data Source=',parameters('a'),';Password=',parameters('d'))"`],
  // seen in the Google Cloud SDK and its vendored Python libraries: names of things, not values
  ['Python attribute set from a same-named variable', () => `        self.gkeops_etcd_backup_encryption_key = gkeops_etcd_backup_encryption_key`],
  ['private-named function assigned to a key name', () => `    pkcs12_key_as_pem = _bad_pkcs12_key_as_pem`],
  ['keyword argument closing a call', () => `          privateKeyPassword=pvk_password)`],
  ['member chain closing a call', () => `        password=ca_config.encrypted_client_cert_password)`],
  ['label before prose', () => `  _password: DEPRECATED: For improved security, specify the password in the`],
  ['API collection name', () => `CRYPTO_KEY_COLLECTION = "cloudkms.projects.locations.keyRings.cryptoKeys"`],
  ['enum member behind a key name', () => `    BlobKey:           entity_pb.Property.BLOBKEY,`],
  ['words appended to a key name', () => `                type_bundle_key += "+watch+extension+bundle"`],
  ['CLI flag name', () => `        'kms-key': '--gce-pd-kms-key',`],
  ['HTTP header name', () => `    elif key == 'x-goog-storage-class':`],
  ['WSGI environ key', () => `ENVIRON_KEY = 'HTTP_ACCEPT_ENCODING'`],
  ['GCP resource name', () => `  recaptchaKey: "projects/proj123/keys/sitekey123"`],
  ['IAM role name', () => `   roleKey: roles/cloudkms.cryptoKeyDecrypter`],
  ['paginator result key', () => `      "result_key": "ReplicationSubnetGroups",`],
  ['RFC 6749 example access token', () => `Location: http://example.com/cb#access_token=2YotnFZFEjr1zCsicMWpAA&state=xyz`],
  ['RFC 5849 example token', () => `    oauth_token="kkk9d7dh3k39sjv7",`],
  ['YAML block scalar of several lines (a file, left to pattern rules)', () => `private_key: |\n  ${b64(64)}\n  ${b64(64)}\n`],
  ['XML element text followed by another element', () => `<token>\n  ${b62(32)}\n  <child/>\n</token>`],
  ['AWS SigV4 credential scope', () => `X-Amz-Credential=${randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 20)}/20211231/us-east-1/s3/aws4_request&X-Amz-Date=20211231T235959Z`],
  ['AWS SigV4 credential scope, percent-encoded', () => `"u": "https://b.s3.amazonaws.com/k?X-Amz-Credential=${randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 20)}%2F20211231%2Fus%2Deast%2D1%2Fs3%2Faws4_request&X-Amz-Date=20211231T235959Z"`],
];

describe('findGenericSecrets: negatives', () => {
  it('has a broad table', () => {
    expect(negatives.length).toBeGreaterThanOrEqual(80);
  });

  it.each(negatives)('%s', (_label, gen) => {
    const text = gen();
    expect(findGenericSecrets(text).map((h) => `${h.name}=${h.value}`)).toEqual([]);
  });
});

describe('findGenericSecrets: program source (code: true)', () => {
  const code = { code: true };
  const found = (text: string): string[] => findGenericSecrets(text, code).map((h) => h.value);

  it('reads quoted literals as in any file', () => {
    const [a, b] = [b62(32), pw(16)];
    expect(found(`api_key = '${a}'\nconfig = {"password": "${b}"}`)).toEqual([a, b]);
  });

  it('takes a bare value for an expression: annotations, references, calls, keyword arguments', () => {
    // Each of these was reported in a Python library before source files were told apart. Here
    // they are strings in a TypeScript file, where the inside of a string is text: hence the markers.
    for (const line of [
      'def _fold_in(key: jax_prng.PRNGKeyArray, data: typing.Array):', // keyhound:allow reason="Python code quoted as test input"
      '    password: Annotated[', // keyhound:allow reason="Python code quoted as test input"
      'PQchangePassword.restype = PGresult_ptr', // keyhound:allow reason="Python code quoted as test input"
      'dhSinglePass_cofactorDH_sha1kdf_scheme = x9_63_scheme + (3, )', // keyhound:allow reason="Python code quoted as test input"
      'password = click.prompt("Password", hide_input=True)', // keyhound:allow reason="Python code quoted as test input"
      '    auth(password_factor=n_factor2)', // keyhound:allow reason="Python code quoted as test input"
      `    api_token = ${b62(32)}`,
    ]) {
      expect(found(line), line).toEqual([]);
      // The same line in a config file is still read as before where it holds a value.
    }
    const raw = b62(32);
    expect(findGenericSecrets(`    api_token = ${raw}`).map((h) => h.value)).toEqual([raw]);
  });

  it('reads a bare value in a line comment and inside a string literal on its line', () => {
    const [a, b, c] = [b62(32), pw(16), b62(40)];
    expect(found(`# api_key = ${a}`)).toEqual([a]);
    expect(found(`conn = psycopg2.connect("dbname=shop user=app password=${b} host=db")`)).toEqual([b]);
    expect(found(`url = "https://api.acme.example/v1/items?api_key=${c}&page=2"`)).toEqual([c]);
    expect(found(`        "secret=${c}&period=30")`)).toEqual([c]);
    // A quoted key's own quote opens no string.
    expect(found(`config = {"password": n_factor_value}`)).toEqual([]);
  });

  it('reads bare values in a heredoc, an assigned triple-quoted string or a template literal, not in a docstring', () => {
    const [a, b, c] = [pw(16), b62(32), b62(32)];
    expect(found(`user_data = <<-EOF\n  #!/bin/bash\n  export DB_PASSWORD=${a}\nEOF\n`)).toEqual([a]);
    expect(found(`CONFIG = '''\n[default]\naws_secret_access_key = ${b}\n'''\n`)).toEqual([b]);
    expect(found(`const env = \`\nAPI_TOKEN=${c}\n\`;\n`)).toEqual([c]);
    expect(found(`def f(key):\n    '''\n    :type api_token: ${c}\n    '''\n`)).toEqual([]);
  });
});

describe('findGenericSecrets: behaviour', () => {
  it('finds every assignment in a multi-line file with exact offsets', () => {
    const a = b62(32);
    const b = pw(20);
    const c = hex(40);
    const text = [
      '# settings',
      `API_KEY=${a}`,
      'DEBUG=true',
      `  "password": "${b}",`,
      'max_tokens: 4096',
      `export GITHUB_TOKEN='${c}'`,
    ].join('\n');
    const hits = findGenericSecrets(text);
    expect(hits.map((h) => [h.name, h.value, h.kind])).toEqual([
      ['API_KEY', a, 'secret'],
      ['password', b, 'password'],
      ['GITHUB_TOKEN', c, 'secret'],
    ]);
    for (const h of hits) expect(text.slice(h.start, h.end)).toBe(h.value);
  });

  it('reports charset and entropy of the value', () => {
    const [hit] = findGenericSecrets(`secret_key = "${hex(64)}"`);
    expect(hit?.charset).toBe('hex');
    expect(hit?.entropy).toBeGreaterThan(3);
    const [b] = findGenericSecrets(`secret_key = "${b64(40)}+/"`);
    expect(b?.charset).toBe('base64');
  });

  it('does not cut a Bearer scheme into the value', () => {
    const s = b62(40);
    const [hit] = findGenericSecrets(`"Authorization": "Bearer ${s}"`);
    expect(hit?.value).toBe(s);
  });

  it('finds random secrets of every alphabet without misses', () => {
    const missed: string[] = [];
    const contexts = [(s: string) => `API_SECRET="${s}"`, (s: string) => `secret_token: ${s}`, (s: string) => `const apiKey = '${s}';`];
    for (const alphabet of [ALPHABETS.hex, ALPHABETS.base62, ALPHABETS.base64, ALPHABETS.base64url]) {
      for (const n of [32, 40, 64]) {
        for (let i = 0; i < 150; i++) {
          const s = randomFrom(alphabet, n);
          for (const ctx of contexts) {
            const hits = findGenericSecrets(ctx(s));
            if (hits.length !== 1 || hits[0]!.value !== s) missed.push(ctx(s));
          }
        }
      }
    }
    expect(missed).toEqual([]);
  });

  it('finds random generated passwords without misses', () => {
    const missed: string[] = [];
    for (let i = 0; i < 1000; i++) {
      const s = pw(12 + (i % 20));
      const hits = findGenericSecrets(`DB_PASSWORD=${s}\n`);
      if (hits.length !== 1 || hits[0]!.value !== s) missed.push(s);
    }
    expect(missed).toEqual([]);
  });

  it('exports lower-case prefilter keywords that occur in every secret-like name', () => {
    for (const k of GENERIC_KEYWORDS) expect(k).toBe(k.toLowerCase());
    for (const name of ['DB_PASSWORD', 'pwd', 'clientSecret', 'GITHUB_TOKEN', 'api_key', 'Authorization', 'credentials']) {
      expect(GENERIC_KEYWORDS.some((k) => name.toLowerCase().includes(k))).toBe(true);
    }
  });
});

describe('findGenericSecretsAtHits: the prefilter\'s hits in place of the regex pass', () => {
  const genericRules = builtinSpecs().filter((r) => r.detector === 'generic-secret' || r.detector === 'generic-password');

  it('each generic rule lists every keyword the scan looks for', () => {
    expect(genericRules).toHaveLength(2);
    for (const r of genericRules) expect(SCAN_KEYWORDS.filter((k) => !r.keywords.includes(k)), r.id).toEqual([]);
  });

  it('finds what the regex pass finds, in this repository\'s sources and tests and in tricky names', () => {
    const texts = fg.sync(['src/**/*.ts', 'test/**/*.ts', 'rules/*.yaml'], { absolute: true }).map((f) => readFileSync(f, 'utf8'));
    const v = pw(20);
    texts.push([`pwn = "${v}"`, `DB_PW="${v}"`, `service-psw: ${v}`, `x_pswd = "${v}"`, `PWD=${v}`, `Pw = "${v}"`, `mypw = "${v}"`,
      `2pw = "${v}"`, `senha = "${v}"`, `a${'b'.repeat(100)}token = "${v}"`, `passwordpassword = "${v}"`].join('\n'));
    for (const r of genericRules) {
      const matcher = new KeywordMatcher(r.keywords);
      let compared = 0;
      for (const text of texts) {
        const hits = matcher.hits(text).map((h) => h.start).sort((a, b) => a - b);
        const viaHits = findGenericSecretsAtHits(text, hits, { keepPlaceholders: true });
        expect(viaHits).toEqual(findGenericSecrets(text, { keepPlaceholders: true }));
        compared += viaHits.length;
      }
      expect(compared, r.id).toBeGreaterThan(100);
    }
  });
});

describe('findGenericSecrets: "password" in other languages', () => {
  const found = async (line: string): Promise<string[]> =>
    (await scanText(`${line}\n`, 'app.py', { noConfig: true, unmask: true })).findings.filter((f) => f.ruleId === 'generic-password').map((f) => f.secret!);

  it('reads senha, contraseña, wachtwoord, Kennwort, hasło, şifre ... as password names (through the prefilter)', async () => {
    const v = b62(16);
    for (const name of ['senha', 'DB_SENHA', 'senhaBanco', 'contrasena', 'contrasenya', 'wachtwoord', 'userKennwort', 'haslo_bazy', 'heslo', 'sifre', 'lozinka', 'salasana', 'jelszo', 'losenord', 'adgangskode', 'passord']) {
      expect(await found(`${name} = "${v}"`), name).toEqual([v]);
    }
  });

  it('looks only where a foreign word starts, and knows their placeholders', async () => {
    const v = b62(16);
    const text = `theslot = "${v}"\nsenha = "${v}"\n`;
    expect(foreignPasswordWordsAt(text, [4, text.indexOf('senha')])).toEqual([text.indexOf('senha')]);
    expect(findGenericSecretsAt(text, [text.indexOf('senha')]).map((h) => [h.name, h.kind])).toEqual([['senha', 'password']]);
    // The scan of its own keywords leaves them to the prefilter.
    expect(findGenericSecrets(`senha = "${v}"`)).toEqual([]);
    expect(await found(`theslot = "${v}"`)).toEqual([]);
    for (const value of ['senha123', 'sua_senha_aqui', 'minhasenha2024', 'Kennwort1!', 'geheim123']) {
      expect(await found(`senha = "${value}"`), value).toEqual([]);
    }
  });

  it('every prefilter keyword selects a generic rule', () => {
    const keywords = new Set(builtinSpecs().filter((r) => r.detector === 'generic-secret' || r.detector === 'generic-password').flatMap((r) => r.keywords));
    expect(GENERIC_KEYWORDS.filter((k) => !keywords.has(k))).toEqual([]);
  });
});

describe('findGenericSecrets: phrases about a password', () => {
  it('marks the word password among other words as a placeholder, not a random tail', () => {
    for (const v of ['SomeKindOfPassword123!@#', 'PassWordMustBeAtLeast6Chars.', 'password-for-30001']) {
      expect(findGenericSecrets(`"Password": "${v}"`, { keepPlaceholders: true }).map((h) => h.dropped), v).toEqual(['placeholder']);
    }
    const real = `my-db-passwd-${b62(10)}1`;
    expect(findGenericSecrets(`"Password": "${real}"`).map((h) => h.value)).toEqual([real]);
  });
});

describe('findGenericSecrets: placeholders kept on request', () => {
  it('marks secret-shaped placeholders as dropped, and drops them by default', () => {
    const text = ['password = "changeme123!"', 'API_KEY=abcd1234abcd1234abcd1234abcd1234', 'NAME=release-notes-2024', ''].join('\n');
    expect(findGenericSecrets(text)).toEqual([]);
    const kept = findGenericSecrets(text, { keepPlaceholders: true });
    expect(kept.map((h) => [h.name, h.value, h.dropped])).toEqual([
      ['password', 'changeme123!', 'placeholder'],
      ['API_KEY', 'abcd1234abcd1234abcd1234abcd1234', 'placeholder'],
    ]);
  });
  it('does not mark real-looking values', () => {
    const v = b62(32);
    expect(findGenericSecrets(`API_KEY=${v}`, { keepPlaceholders: true }).map((h) => h.dropped)).toEqual([undefined]);
  });
});

describe('findGenericSecrets: large single-line inputs', () => {
  // Linear by construction (one literal alternation, bounded scans); these must simply return.
  const big = 5 * 1024 * 1024;

  it('5 MB of minified assignments', () => {
    expect(findGenericSecrets('a=b;'.repeat(big / 4))).toEqual([]);
  });

  it('5 MB of random base64 on one line', () => {
    const hits = findGenericSecrets(randomBytes((big / 4) * 3).toString('base64'));
    expect(Array.isArray(hits)).toBe(true);
  });

  it('5 MB of repeated keywords and unterminated quotes', () => {
    expect(findGenericSecrets('key'.repeat(big / 3))).toEqual([]);
    expect(Array.isArray(findGenericSecrets('password="'.repeat(big / 10)))).toBe(true);
    expect(Array.isArray(findGenericSecrets(`token=${'A'.repeat(big)}`))).toBe(true);
    expect(Array.isArray(findGenericSecrets(`"secret":"${'x'.repeat(big)}`))).toBe(true);
  });

  it('5 MB of name attributes with no tag to look back to', () => {
    // Each `name="password"` looks back for the `<` of its tag: that look-back must be bounded.
    expect(findGenericSecrets(' name="password" x'.repeat(big / 18))).toEqual([]);
  });
});

describe('generic rules and the file they read', () => {
  it('read a bare value in a config file, not in program source; a decoded layer is no source file', async () => {
    const v = b62(32);
    const line = `api_token = ${v}\n`;
    expect((await scanText(line, 'settings.ini', { noConfig: true })).findings.map((f) => f.ruleId)).toEqual(['generic-secret']);
    expect((await scanText(line, 'settings.py', { noConfig: true })).findings).toEqual([]);
    // An .env file base64-encoded into a Python string: the decoded text is the .env.
    const blob = Buffer.from(`API_TOKEN=${v}\nDEBUG=1\n`).toString('base64');
    const r = await scanText(`ENV_BLOB = "${blob}"\n`, 'settings.py', { noConfig: true });
    expect(r.findings.map((f) => f.ruleId)).toEqual(['generic-secret']);
  });
});
