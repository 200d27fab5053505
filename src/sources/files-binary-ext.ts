// File extensions whose content is binary (or compressed) in practice: skipped without reading.
// Text-based formats that merely look technical (svg, pem, json, lock files) are NOT here.

const BINARY_EXTENSIONS: ReadonlySet<string> = new Set([
  // images
  'png', 'jpg', 'jpeg', 'gif', 'bmp', 'ico', 'icns', 'webp', 'tif', 'tiff', 'psd', 'heic', 'heif',
  'avif', 'jxl', 'cur', 'xcf',
  // audio / video
  'mp3', 'mp4', 'm4a', 'm4v', 'mov', 'avi', 'mkv', 'webm', 'wav', 'flac', 'ogg', 'oga', 'ogv',
  'opus', 'aac', 'wma', 'wmv', 'mpg', 'mpeg', 'mid', 'midi',
  // archives and compressed streams
  'zip', 'gz', 'tgz', 'bz2', 'tbz2', 'xz', 'txz', 'lz', 'lz4', 'lzma', 'zst', 'zstd', '7z', 'rar',
  'tar', 'cab', 'cpio', 'deb', 'rpm', 'apk', 'aab', 'ipa', 'dmg', 'iso', 'img', 'msi', 'br',
  'jar', 'war', 'ear', 'aar', 'nupkg', 'whl', 'egg', 'gem', 'crx', 'xpi', 'vsix',
  // fonts
  'woff', 'woff2', 'ttf', 'otf', 'eot', 'ttc',
  // compiled code and objects
  'class', 'so', 'dylib', 'dll', 'exe', 'o', 'obj', 'a', 'lib', 'pdb', 'pyc', 'pyo', 'pyd',
  'wasm', 'node', 'beam', 'elc', 'dex', 'rlib', 'bc',
  // documents and databases that are binary containers
  'pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'odt', 'ods', 'odp', 'sqlite', 'sqlite3',
  'db', 'mdb', 'accdb', 'parquet', 'avro', 'orc', 'feather', 'npy', 'npz', 'pkl', 'h5', 'hdf5',
  // key stores in binary (DER/PKCS#12/JKS) formats
  'p12', 'pfx', 'jks', 'keystore', 'der',
  // misc
  'swf', 'fla', 'blend', 'fbx', 'glb',
]);

/** The lower-cased extension of a file name ('' when none; a leading dot alone is not one). */
export function extensionOf(name: string): string {
  const slash = name.lastIndexOf('/');
  const dot = name.lastIndexOf('.');
  if (dot <= slash + 1) return '';
  return name.slice(dot + 1).toLowerCase();
}

/** True when the name alone says the file is binary. */
export function isBinaryPath(name: string): boolean {
  const ext = extensionOf(name);
  return ext !== '' && BINARY_EXTENSIONS.has(ext);
}
