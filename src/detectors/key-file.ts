// The binary key-file detectors: a binary file reaches them as base64 (Chunk.binary); the whole
// file is the secret when it is a key store or private key of the rule's kind.
import { identifyKeyFile, type KeyFileKind } from './key-files.js';
import type { DetectorHit } from './registry.js';

// A chunk is scanned by every key-file rule: identify its bytes once.
let lastText: string | undefined;
let lastKind: ReturnType<typeof identifyKeyFile>;

export function findKeyFile(text: string, kind: KeyFileKind): DetectorHit[] {
  if (text !== lastText) {
    lastKind = identifyKeyFile(Buffer.from(text, 'base64'));
    lastText = text;
  }
  const k = lastKind;
  if (!k || k.kind !== kind || !k.secret) return [];
  return [{ start: 0, end: text.length, notes: [k.note] }];
}
