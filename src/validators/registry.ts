// Every structural validator, by the name rules use in `validate: [...]`.
import { asaasApiKey } from './asaas-api-key.js';
import { awsAccessKeyId } from './aws-access-key-id.js';
import { base64Password } from './base64-password.js';
import { basicCredentials } from './basic-credentials.js';
import { bitbucketDcToken } from './bitbucket-dc-token.js';
import { devinApiKey } from './devin-api-key.js';
import { discordBotToken } from './discord-bot-token.js';
import { exampleHostPassword } from './example-host-password.js';
import { githubStatelessToken } from './github-stateless-token.js';
import { grafanaCloudToken } from './grafana-cloud-token.js';
import { jettyObfuscated } from './jetty-obfuscated.js';
import { jwt } from './jwt.js';
import { keyStore } from './key-store.js';
import { ldapPasswordHash } from './ldap-password-hash.js';
import { mysqlPasswordHash } from './mysql-password-hash.js';
import { mixedAlphabet } from './mixed-alphabet.js';
import { neptuneApiToken } from './neptune-api-token.js';
import { privateKeyBody } from './private-key-body.js';
import { pubnubSecretKey } from './pubnub-secret-key.js';
import { pypiMacaroon } from './pypi-macaroon.js';
import { randomToken } from './random-token.js';
import { sentryOrgToken } from './sentry-org-token.js';
import type { StructureValidator } from './types.js';
import { vaultServiceToken } from './vault-service-token.js';
import { weaviateApiKey } from './weaviate-api-key.js';

export const validators = {
  jwt,
  'pypi-macaroon': pypiMacaroon,
  'sentry-org-token': sentryOrgToken,
  'grafana-cloud-token': grafanaCloudToken,
  'aws-access-key-id': awsAccessKeyId,
  'discord-bot-token': discordBotToken,
  'github-stateless-token': githubStatelessToken,
  'vault-service-token': vaultServiceToken,
  'private-key-body': privateKeyBody,
  'random-token': randomToken,
  'mixed-alphabet': mixedAlphabet,
  'basic-credentials': basicCredentials,
  'bitbucket-dc-token': bitbucketDcToken,
  'example-host-password': exampleHostPassword,
  'key-store': keyStore,
  'jetty-obfuscated': jettyObfuscated,
  'base64-password': base64Password,
  'devin-api-key': devinApiKey,
  'asaas-api-key': asaasApiKey,
  'ldap-password-hash': ldapPasswordHash,
  'mysql-password-hash': mysqlPasswordHash,
  'neptune-api-token': neptuneApiToken,
  'pubnub-secret-key': pubnubSecretKey,
  'weaviate-api-key': weaviateApiKey,
} satisfies Record<string, StructureValidator>;

export type ValidatorName = keyof typeof validators;

export const validatorNames = Object.keys(validators) as ValidatorName[];

export function isValidatorName(name: string): name is ValidatorName {
  return Object.hasOwn(validators, name);
}

/** The validator registered under `name`, or undefined. */
export function getValidator(name: string): StructureValidator | undefined {
  return isValidatorName(name) ? validators[name] : undefined;
}
