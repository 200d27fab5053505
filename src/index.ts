// keyhound library API.
export { scan, scanText, scanChunks, buildRuleSet, resolveConfig, type ScanOptions, type ScanResult } from './scan.js';
export type { Finding, Origin, Chunk, ScanStats, Severity, RejectReason } from './engine/types.js';
export { KeyhoundError } from './errors.js';
export { maskSecret } from './engine/mask.js';
export { fingerprint } from './engine/fingerprint.js';
export { generateKey, verifyChecksum, hashKey, ruleYaml, KEY_ENCODINGS, type GenerateKeyOptions, type GeneratedKey, type KeyEncoding } from './keygen/index.js';
