// Read one line from a terminal without echoing it (raw mode), for `keyhound hash`.
import { KeyhoundError } from '../errors.js';

/** The part of a TTY read stream this needs (process.stdin satisfies it). */
export interface HiddenInput {
  isTTY?: boolean;
  setRawMode(mode: boolean): unknown;
  setEncoding(encoding: BufferEncoding): unknown;
  on(event: 'data', listener: (chunk: string | Buffer) => void): unknown;
  off(event: 'data', listener: (chunk: string | Buffer) => void): unknown;
  resume(): unknown;
  pause(): unknown;
}

/**
 * Resolves on Enter (or Ctrl-D); Backspace edits; Ctrl-C rejects. Echo stays off throughout.
 * `onReady` runs once echo is off: prompt there, so nothing typed after the prompt is echoed.
 */
export function readHidden(input: HiddenInput, onReady?: () => void): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    let inEscape = false;
    const finish = (error?: Error): void => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      if (error) reject(error);
      else resolve(text);
    };
    const onData = (chunk: string | Buffer): void => {
      for (const ch of String(chunk)) {
        if (inEscape) {
          // Skip terminal escape sequences (arrow keys): ESC [ ... final letter or ~.
          if (/[A-Za-z~]/.test(ch)) inEscape = false;
          continue;
        }
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return finish();
        if (ch === '\u0003') return finish(new KeyhoundError('cancelled', 'run `keyhound hash` again and paste the key'));
        if (ch === '\u007f' || ch === '\b') text = [...text].slice(0, -1).join('');
        else if (ch === '\u001b') inEscape = true;
        else if (ch >= ' ') text += ch;
      }
    };
    try {
      input.setRawMode(true);
      input.setEncoding('utf8');
      input.on('data', onData);
      input.resume();
      onReady?.();
    } catch (e) {
      finish(e as Error);
    }
  });
}
