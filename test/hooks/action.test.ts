// The composite action's scan step, run with bash as a runner would, against a real repository.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { slackBotToken } from '../helpers/tokens.js';
import { BIN, gitRepo, gitTestEnv } from '../git/repo.js';
import { SPAWN_TIMEOUT_MS } from '../helpers/cli.js';

const ROOT = join(BIN, '..', '..');

interface Step { id?: string; run?: string; env?: Record<string, string> }
const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { runs: { using: string; steps: Step[] } };
const scanStep = action.runs.steps.find((s) => s.id === 'scan')!;

function runStep(cwd: string, event: unknown, inputs: { format: string; args: string; output: string }) {
  const tmp = mkdtempSync(join(tmpdir(), 'keyhound-action-'));
  const eventPath = join(tmp, 'event.json');
  const outputPath = join(tmp, 'output');
  writeFileSync(eventPath, JSON.stringify(event));
  writeFileSync(outputPath, '');
  const r = spawnSync('bash', ['-e', '-c', scanStep.run!], {
    timeout: SPAWN_TIMEOUT_MS,
    cwd,
    encoding: 'utf8',
    env: gitTestEnv({
      GITHUB_ACTIONS: 'true', GITHUB_EVENT_PATH: eventPath, GITHUB_OUTPUT: outputPath, GITHUB_ACTION_PATH: ROOT,
      GITHUB_REF: 'refs/heads/main', KEYHOUND_FORMAT: inputs.format, KEYHOUND_ARGS: inputs.args, KEYHOUND_OUTPUT: inputs.output,
    }),
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, outputs: readFileSync(outputPath, 'utf8') };
}

describe('action.yml', () => {
  it('is a composite action whose inputs reach the scan step', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.values(scanStep.env ?? {}).join(' ')).toContain('inputs.format');
  });

  it('fails the job on a secret in the pushed range and passes a clean range', () => {
    const g = gitRepo();
    g.write('a.txt', 'a\n');
    const base = g.commit('base');
    g.write('leak.env', `SLACK=${slackBotToken()}\n`);
    const head = g.commit('leak');
    let r = runStep(g.dir, { before: base, after: head }, { format: 'github', args: '', output: '' });
    expect(r.code).toBe(1);
    expect(r.outputs).toContain('exit-code=1');
    expect(r.stdout).toContain('leak.env');
    g.write('b.txt', 'b\n');
    const next = g.commit('clean');
    r = runStep(g.dir, { before: head, after: next }, { format: 'text', args: '', output: '' });
    expect(r.code).toBe(0);
    expect(r.outputs).toContain('exit-code=0');
    r = runStep(g.dir, { pull_request: { base: { sha: base }, head: { sha: next } } }, { format: 'json', args: '', output: 'report.json' });
    expect(r.code).toBe(1);
    expect(JSON.parse(readFileSync(join(g.dir, 'report.json'), 'utf8')).findings[0].file).toBe('leak.env');
  });
});
