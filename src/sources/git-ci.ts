// CI mode: in GitHub Actions, the range to scan comes from the event that started the job.
import { readFileSync } from 'node:fs';

export interface CiRange {
  /** Revision arguments for the history source; empty = nothing to scan (a deleted branch). */
  revs: string[];
  /** Human description for stderr, e.g. "pull request: 1a2b3c4..5d6e7f8". */
  description: string;
}

const ZERO = /^0+$/;
const short = (sha: string): string => sha.slice(0, 12);

interface GitHubEvent {
  pull_request?: { base?: { sha?: string }; head?: { sha?: string } };
  before?: string;
  after?: string;
}

/**
 * The commits a GitHub Actions job should scan: a pull request's base..head, a push's
 * before..after; a new branch (before all zeros) scans its commits that no other remote branch has.
 * Undefined outside Actions or for events without a range (schedule, manual runs: scan everything).
 */
export function githubRange(env: Readonly<Record<string, string | undefined>>): CiRange | undefined {
  if (env['GITHUB_ACTIONS'] !== 'true') return undefined;
  const path = env['GITHUB_EVENT_PATH'];
  if (!path) return undefined;
  let event: GitHubEvent;
  try {
    event = JSON.parse(readFileSync(path, 'utf8')) as GitHubEvent;
  } catch {
    return undefined;
  }
  const base = event.pull_request?.base?.sha;
  const head = event.pull_request?.head?.sha;
  if (base && head) return { revs: [`${base}..${head}`], description: `pull request ${short(base)}..${short(head)}` };
  const { before, after } = event;
  if (!after) return undefined;
  if (ZERO.test(after)) return { revs: [], description: 'branch deleted: nothing to scan' };
  if (!before || ZERO.test(before)) {
    const ref = env['GITHUB_REF'] ?? '';
    const branch = ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : '';
    const exclude = branch ? [`--exclude=*/${branch}`] : [];
    return { revs: [after, '--not', ...exclude, '--remotes'], description: `new branch ${branch || after}: commits not on other remote branches` };
  }
  return { revs: [`${before}..${after}`], description: `push ${short(before)}..${short(after)}` };
}
