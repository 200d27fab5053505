import { describe, expect, it } from 'vitest';
import { classifyName } from '../../src/detectors/secret-names.js';

describe('classifyName', () => {
  const passwords = ['password', 'DB_PASSWORD', 'dbPassword', 'db.password', 'passwd', 'PWD', 'db_pwd', 'mysqlpwd', 'pass', 'SMTP_PASS', 'passphrase', 'DBPASSWORD', 'password_confirmation'];
  it.each(passwords)('%s is a password name', (n) => {
    expect(classifyName(n)).toEqual({ kind: 'password', weak: false });
  });

  const secrets = [
    'secret', 'client_secret', 'stripeSecretKey', 'aws.secret.key', 'AWS_SECRET_ACCESS_KEY', 'api_key', 'apiKey',
    'APIKEY', 'apikey', 'x-api-key', 'X-API-KEY', 'access_key', 'accessKey', 'private_key', 'privateKey',
    'signing_key', 'encryptionKey', 'auth', 'Authorization', 'auth_token', 'GITHUB_TOKEN', '_authToken',
    'credentials', 'creds', 'SECRET_KEY_BASE', 'id_token', 'refresh_token', 'password_reset_token',
    'StorageAccountKey', 'masterkey', 'session_secret', 'webhook_secret',
  ];
  it.each(secrets)('%s is a strong secret name', (n) => {
    expect(classifyName(n)).toEqual({ kind: 'secret', weak: false });
  });

  it.each(['key', 'KEY', 'fooKey', 'my_key', 'azureFunctionkey', 'hostkey'])('%s is a weak secret name', (n) => {
    expect(classifyName(n)).toEqual({ kind: 'secret', weak: true });
  });

  const ordinary = [
    'public_key', 'publicKey', 'publishable_key', 'token_url', 'token_type', 'password_length', 'max_tokens',
    'key_id', 'keyId', 'api_key_id', 'tokenizer', 'tokenizer_name', 'secretKeyRef', 'secretName', 'password_hash',
    'passwordSalt', 'token_sha256', 'secret_digest', 'auth_url', 'auth_type', 'authority', 'author', 'bypass',
    'passport', 'compass', 'monkey', 'turkey', 'keyboard', 'cacheKey', 'cachekey', 'sortkey', 'sort_key', 'i18nKey', 'keyring', 'keystore',
    'password_file', 'passwordField', 'token_endpoint', 'num_tokens', 'is_secret', 'hasPassword', 'password.length',
    'commit_sha', 'integrity', 'name', 'value', 'oauth', 'auth0', 'jsonwebtoken_version', 'token_expires_at',
    'Sec-WebSocket-Key', 'websocketKey', '_arg_key_sentinel', 'OPENSSH_AUTH_MAGIC', '_CHECKPOINT_FOR_TOKEN_CLASSIFICATION',
  ];
  it.each(ordinary)('%s is not a secret name', (n) => {
    expect(classifyName(n)).toBeUndefined();
  });
});
