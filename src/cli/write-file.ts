import { lstatSync, renameSync, unlinkSync, writeFileSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Write a report atomically: a reader never sees half a file. A path that is not a regular file
 * (`-o /dev/null`, `/dev/stdout`, a FIFO, a symlink to a shared report) is written through, never
 * replaced by a rename; an existing file keeps its permissions.
 */
export function writeFileAtomic(path: string, content: string): void {
  let st: Stats | undefined;
  try {
    st = lstatSync(path);
  } catch {
    // a new file
  }
  if (st && !st.isFile()) {
    writeFileSync(path, content);
    return;
  }
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, content, { mode: st ? st.mode & 0o777 : 0o644 });
    renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing to clean
    }
    throw e;
  }
}
