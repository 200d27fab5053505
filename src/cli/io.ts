// Everything the CLI touches of the outside world, so main() can be driven in tests.
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whole standard input (for `scan -` and `hash`). */
  readStdin(): Promise<string>;
  isTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

export function processIO(): CliIO {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    readStdin: async () => {
      const parts: Buffer[] = [];
      for await (const c of process.stdin) parts.push(c as Buffer);
      return Buffer.concat(parts).toString('utf8');
    },
    isTTY: Boolean(process.stdout.isTTY),
    env: process.env,
    cwd: process.cwd(),
  };
}

/** Color is decided once: a TTY, NO_COLOR unset, FORCE_COLOR forces it. */
export function useColor(io: CliIO): boolean {
  if (io.env['NO_COLOR'] !== undefined && io.env['NO_COLOR'] !== '') return false;
  if (io.env['FORCE_COLOR'] !== undefined && io.env['FORCE_COLOR'] !== '0') return true;
  return io.isTTY;
}
