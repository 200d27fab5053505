// Library API for services that mint and check their own keys.
export { generateKey, hashKey, type GenerateKeyOptions, type GeneratedKey } from './generate.js';
export { verifyChecksum } from './verify.js';
export { ruleYaml } from './rule.js';
export { KEY_ENCODINGS, type KeyEncoding } from './format.js';
