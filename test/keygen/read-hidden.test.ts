import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { readHidden, type HiddenInput } from '../../src/keygen/read-hidden.js';
import { runHash } from '../../src/cli/commands/hash.js';
import type { CliIO } from '../../src/cli/io.js';
import { hashKey } from '../../src/keygen/generate.js';

class FakeTty extends EventEmitter implements HiddenInput {
  isTTY = true;
  rawModes: boolean[] = [];
  paused = false;
  setRawMode(mode: boolean): this {
    this.rawModes.push(mode);
    return this;
  }
  setEncoding(): this {
    return this;
  }
  resume(): this {
    return this;
  }
  pause(): this {
    this.paused = true;
    return this;
  }
  type(...chunks: string[]): void {
    queueMicrotask(() => chunks.forEach((c) => this.emit('data', c)));
  }
}

function fakeIO(stdin = ''): CliIO & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout(t: string) { io.out += t; },
    stderr(t: string) { io.err += t; },
    readStdin: async () => stdin,
    isTTY: false,
    env: {},
    cwd: process.cwd(),
  };
  return io;
}

describe('readHidden', () => {
  it('reads up to Enter in raw mode, applies Backspace, skips escape sequences, restores the mode', async () => {
    const tty = new FakeTty();
    tty.type('abX\u007fc', '\u001b[D', 'd\rignored');
    await expect(readHidden(tty)).resolves.toBe('abcd');
    expect(tty.rawModes).toEqual([true, false]);
    expect(tty.paused).toBe(true);
    expect(tty.listenerCount('data')).toBe(0);
  });

  it('rejects on Ctrl-C and still restores the mode', async () => {
    const tty = new FakeTty();
    tty.type('secret\u0003');
    await expect(readHidden(tty)).rejects.toThrow(/cancelled/);
    expect(tty.rawModes).toEqual([true, false]);
  });
});

describe('runHash', () => {
  it('prompts on stderr for a terminal and never writes the key anywhere', async () => {
    const tty = new FakeTty();
    const io = fakeIO();
    tty.type('myapp_live_abc\r');
    expect(await runHash([], io, tty)).toBe(0);
    expect(io.out).toBe(`${hashKey('myapp_live_abc')}\n`);
    expect(io.err).toContain('input hidden');
    expect(io.out + io.err).not.toContain('myapp_live_abc');
  });

  it('strips exactly one trailing newline from piped input', async () => {
    for (const [input, key] of [['k\n', 'k'], ['k\r\n', 'k'], ['k\n\n', 'k\n'], ['k', 'k'], [' k ', ' k ']] as const) {
      const io = fakeIO(input);
      expect(await runHash([], io, undefined)).toBe(0);
      expect(io.out).toBe(`${hashKey(key)}\n`);
    }
  });
});
