// Tokens for tests, made at test time: valid checksums never sit in the repository.
import { randomBytes, randomInt } from './test-random.js';
import { checksums } from '../../src/checksums/registry.js';

const B62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function randomFrom(alphabet: string, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[randomInt(alphabet.length)];
  return s;
}

export const base62 = (n: number) => randomFrom(B62, n);
export const hex = (n: number) => randomBytes(Math.ceil(n / 2)).toString('hex').slice(0, n);
export const digits = (n: number) => randomFrom('0123456789', n);

/** A GitHub classic token (ghp_ by default) with a valid CRC32/base62 checksum. */
export function githubToken(prefix = 'ghp_'): string {
  const body = base62(30);
  const shape = `${prefix}${body}000000`;
  const p = checksums.crc32.parseParams({ over: ['body'], expect: 'check', encoding: 'base62', width: 6 }, ['secret', 'body', 'check']);
  const b = prefix.length;
  return checksums.crc32.repair({ secret: shape, spans: { body: [b, b + 30], check: [b + 30, b + 36] } }, p);
}

/** Change one character of the token's body (index from the end by default) so its checksum fails. */
export function oneCharOff(token: string, index = token.length - 10): string {
  const c = token[index]!;
  const repl = c === 'A' ? 'B' : 'A';
  return token.slice(0, index) + repl + token.slice(index + 1);
}

/** A Slack bot token (no checksum in the format). */
export function slackBotToken(): string {
  return `xoxb-${digits(12)}-${digits(13)}-${base62(24)}`;
}
