// Read many blobs through ONE `git cat-file --batch` process (a process per file is too slow for a hook).
import { spawn } from 'node:child_process';
import { KeyhoundError } from '../errors.js';
import { gitEnv, gitSync } from './git-run.js';

export interface BlobRead {
  sha: string;
  size: number;
  /** The blob bytes; undefined when the object is missing, not a blob, or larger than maxSize. */
  content: Buffer | undefined;
  missing: boolean;
}

/** Blobs in request order. Blobs above `maxSize` are read past, never held. */
export async function* catFileBatch(cwd: string, shas: readonly string[], maxSize: number): AsyncGenerator<BlobRead> {
  if (shas.length === 0) return;
  const child = spawn('git', ['cat-file', '--batch'], { cwd, env: gitEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => {
    if (stderr.length < 65536) stderr += d;
  });
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', (e) => reject(new KeyhoundError(`cannot run git: ${e.message}`, 'install git and make sure it is on PATH')));
    child.on('close', (code) => resolve(code ?? -1));
  });
  exited.catch(() => undefined);
  child.stdin.on('error', () => undefined); // git may exit first; its exit code says why
  child.stdin.end(`${shas.join('\n')}\n`);

  let buf: Buffer = Buffer.alloc(0);
  let cur: { sha: string; size: number; keep: boolean; parts: Buffer[]; got: number } | undefined;
  let finished = 0;
  try {
    for await (const data of child.stdout as AsyncIterable<Buffer>) {
      buf = buf.length ? Buffer.concat([buf, data]) : data;
      for (;;) {
        if (!cur) {
          const nl = buf.indexOf(10);
          if (nl === -1) break;
          const header = buf.toString('utf8', 0, nl).split(' ');
          buf = buf.subarray(nl + 1);
          const [sha = '', type = '', size = ''] = header;
          if (type === 'missing' || header.length < 3) {
            finished++;
            yield { sha, size: 0, content: undefined, missing: true };
            continue;
          }
          const n = Number(size);
          cur = { sha, size: n, keep: type === 'blob' && n <= maxSize, parts: [], got: 0 };
        }
        // Content plus the trailing newline git adds after each object.
        const need = cur.size + 1 - cur.got;
        const take = Math.min(need, buf.length);
        if (cur.keep && take > 0) cur.parts.push(buf.subarray(0, take));
        cur.got += take;
        buf = buf.subarray(take);
        if (cur.got < cur.size + 1) break;
        const content = cur.keep ? Buffer.concat(cur.parts).subarray(0, cur.size) : undefined;
        const out: BlobRead = { sha: cur.sha, size: cur.size, content, missing: false };
        cur = undefined;
        finished++;
        yield out;
      }
    }
    const code = await exited;
    if (code !== 0 || finished < shas.length) {
      throw new KeyhoundError(`\`git cat-file\` failed: ${stderr.trim().split('\n')[0] ?? `exit code ${code}`}`, 'check that the repository is not corrupt (`git fsck`)');
    }
  } finally {
    if (child.exitCode === null) child.kill();
  }
}

/** Sizes of blobs (missing objects left out), from `git cat-file --batch-check`: no content read. */
export function blobSizes(cwd: string, shas: readonly string[]): Map<string, number> {
  const sizes = new Map<string, number>();
  if (shas.length === 0) return sizes;
  const { stdout } = gitSync(['cat-file', '--batch-check'], cwd, { input: `${shas.join('\n')}\n` });
  for (const line of stdout.split('\n')) {
    const [sha = '', type, size] = line.split(' ');
    if (type === 'blob' && size !== undefined) sizes.set(sha, Number(size));
  }
  return sizes;
}
