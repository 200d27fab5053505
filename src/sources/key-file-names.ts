// Which binary files the sources hand to the key-file rules (src/detectors/key-files.ts decides
// what they are). Binary types by name that are never key stores (images, archives, fonts) are
// not read; every other binary file is, when its first bytes fit a key format.
import { KEY_FILE_EXTENSIONS } from '../detectors/key-files.js';
import { extensionOf, isBinaryPath } from './files-binary-ext.js';

export function mayHoldKeyFile(path: string): boolean {
  return KEY_FILE_EXTENSIONS.has(extensionOf(path)) || !isBinaryPath(path);
}
