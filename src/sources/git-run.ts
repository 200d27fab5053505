// Running git: read-only commands, no optional locks, output streamed line by line.
import { spawn, spawnSync } from 'node:child_process';
import { KeyhoundError } from '../errors.js';

/** The empty tree: the base to diff against when a repository has no commits yet. */
export const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

/** Settings that would change the shape of diff output, pinned for the parser. */
export const DIFF_CONFIG = ['-c', 'core.quotePath=true', '-c', 'diff.noprefix=false', '-c', 'diff.mnemonicPrefix=false'];

/** Diff options shared by the staged and history sources: raw patch, new-file line numbers only. */
export const DIFF_ARGS = [
  '-U0',
  '--no-color',
  '--no-ext-diff',
  '--no-textconv',
  '--full-index',
  '--submodule=short',
  '--no-relative',
  '--src-prefix=a/',
  '--dst-prefix=b/',
  '-M',
];

/**
 * The caller's environment plus GIT_OPTIONAL_LOCKS=0, so a scan never takes the index lock.
 * GIT_INDEX_FILE and GIT_DIR are kept: inside a hook they name what is being committed.
 */
export function gitEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' };
}

function gitFailure(args: readonly string[], code: number | null, stderr: string): KeyhoundError {
  const msg = stderr.trim().split('\n').find((l) => l.trim() !== '') ?? `exit code ${code}`;
  const notRepo = /not a git repository/i.test(stderr);
  return new KeyhoundError(
    `\`git ${args.find((a) => !a.startsWith('-') && !a.includes('=')) ?? ''}\` failed: ${msg.replace(/^fatal: /, '')}`,
    notRepo ? 'run keyhound inside a git repository, or pass the repository path' : 'check the git arguments and that the commits exist (a CI checkout may need full history: fetch-depth 0)',
  );
}

/** Run git and return its stdout; throws a KeyhoundError with git's message on failure. */
export function gitSync(args: readonly string[], cwd: string, opts: { allowFail?: boolean; input?: string } = {}): { code: number; stdout: string } {
  const r = spawnSync('git', args, { cwd, env: gitEnv(), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...(opts.input !== undefined ? { input: opts.input } : {}) });
  if (r.error) throw new KeyhoundError(`cannot run git: ${r.error.message}`, 'install git and make sure it is on PATH');
  const code = r.status ?? -1;
  if (code !== 0 && !opts.allowFail) throw gitFailure(args, code, r.stderr);
  return { code, stdout: r.stdout };
}

/**
 * Stream git's stdout as batches of lines (without the newline). Reading is paced by the caller:
 * the pipe fills and git waits, so memory holds one batch. Stopping early kills git.
 */
export async function* gitLines(args: readonly string[], cwd: string): AsyncGenerator<string[]> {
  const child = spawn('git', args, { cwd, env: gitEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => {
    if (stderr.length < 65536) stderr += d;
  });
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', (e) => reject(new KeyhoundError(`cannot run git: ${e.message}`, 'install git and make sure it is on PATH')));
    child.on('close', (code) => resolve(code ?? -1));
  });
  exited.catch(() => undefined); // handled below; avoid an unhandled rejection when stopped early
  let done = false;
  try {
    let rest: Buffer | undefined;
    for await (const data of child.stdout as AsyncIterable<Buffer>) {
      const buf = rest ? Buffer.concat([rest, data]) : data;
      const lines: string[] = [];
      let start = 0;
      for (let nl = buf.indexOf(10, start); nl !== -1; nl = buf.indexOf(10, start)) {
        lines.push(buf.toString('utf8', start, nl));
        start = nl + 1;
      }
      rest = start < buf.length ? buf.subarray(start) : undefined;
      if (lines.length) yield lines;
    }
    if (rest) yield [rest.toString('utf8')];
    const code = await exited;
    done = true;
    if (code !== 0) throw gitFailure(args, code, stderr);
  } finally {
    if (!done && child.exitCode === null) child.kill();
  }
}

/** Split a `--log-opts` string into arguments: whitespace separates, single and double quotes group. */
export function splitArgs(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let has = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"' && i + 1 < s.length) cur += s[++i];
      else cur += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      has = true;
    } else if (/\s/.test(c)) {
      if (has || cur) out.push(cur);
      cur = '';
      has = false;
    } else if (c === '\\' && i + 1 < s.length) {
      cur += s[++i];
    } else {
      cur += c;
    }
  }
  if (quote) throw new KeyhoundError(`--log-opts: unbalanced ${quote} quote`, 'close the quote');
  if (has || cur) out.push(cur);
  return out;
}
