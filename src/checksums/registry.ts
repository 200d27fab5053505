// Every checksum algorithm, by the name rules use in `checksum: { algorithm: ... }`.
import { azureCask } from './azure-cask.js';
import { azureHis } from './azure-his.js';
import { base58check } from './base58check.js';
import { bech32 } from './bech32.js';
import { crc32 } from './crc32.js';
import type { ChecksumAlgorithm } from './types.js';

export const checksums = {
  crc32,
  bech32,
  base58check,
  'azure-cask': azureCask,
  'azure-his': azureHis,
} satisfies Record<string, ChecksumAlgorithm<any>>; // `any`: each algorithm has its own params type

export type ChecksumName = keyof typeof checksums;

export const checksumNames = Object.keys(checksums) as ChecksumName[];

export function isChecksumName(name: string): name is ChecksumName {
  return Object.hasOwn(checksums, name);
}

/** The algorithm registered under `name`, or undefined. */
export function getChecksum(name: string): ChecksumAlgorithm<unknown> | undefined {
  return isChecksumName(name) ? (checksums[name] as ChecksumAlgorithm<unknown>) : undefined;
}
