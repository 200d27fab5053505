// Shared checks for checksum parameters from YAML. Every error names the key and says how to fix it.
import { ChecksumParamError } from './types.js';

type Raw = Readonly<Record<string, unknown>>;

export function rejectUnknownKeys(algorithm: string, raw: Raw, allowed: readonly string[]): void {
  for (const key of Object.keys(raw)) {
    if (allowed.includes(key)) continue;
    const camel = allowed.find((a) => a.replace(/_/g, '').toLowerCase() === key.toLowerCase());
    throw new ChecksumParamError(
      `unknown ${algorithm} checksum parameter "${key}"`,
      camel
        ? `write "${camel}" (snake_case)`
        : allowed.length > 0
          ? `use only: ${allowed.join(', ')}`
          : `${algorithm} takes no parameters; remove "${key}"`,
    );
  }
}

export function optionalString(algorithm: string, raw: Raw, key: string): string | undefined {
  const v = raw[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || v.length === 0) {
    throw new ChecksumParamError(
      `${algorithm} checksum parameter "${key}" must be a non-empty string, got ${describe(v)}`,
      `write ${key}: '<text>'`,
    );
  }
  return v;
}

export function requiredString(algorithm: string, raw: Raw, key: string, example: string): string {
  const v = optionalString(algorithm, raw, key);
  if (v === undefined) {
    throw new ChecksumParamError(`${algorithm} checksum needs "${key}"`, `add ${key}: ${example}`);
  }
  return v;
}

export function optionalEnum<T extends string>(
  algorithm: string,
  raw: Raw,
  key: string,
  choices: readonly T[],
): T | undefined {
  const v = raw[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || !(choices as readonly string[]).includes(v)) {
    throw new ChecksumParamError(
      `${algorithm} checksum parameter "${key}" must be one of ${choices.join(' | ')}, got ${describe(v)}`,
      `write ${key}: ${choices[0]}`,
    );
  }
  return v as T;
}

export function optionalInt(
  algorithm: string,
  raw: Raw,
  key: string,
  min: number,
  max: number,
): number | undefined {
  const v = raw[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw new ChecksumParamError(
      `${algorithm} checksum parameter "${key}" must be an integer from ${min} to ${max}, got ${describe(v)}`,
      `write ${key}: ${min}`,
    );
  }
  return v;
}

/** An integer or a list of integers (YAML `0x80` is an integer; "0x80" strings are accepted too). */
export function optionalIntList(
  algorithm: string,
  raw: Raw,
  key: string,
  min: number,
  max: number,
): number[] | undefined {
  const v = raw[key];
  if (v === undefined || v === null) return undefined;
  const items = Array.isArray(v) ? (v as unknown[]) : [v];
  if (items.length === 0) {
    throw new ChecksumParamError(`${algorithm} checksum parameter "${key}" is an empty list`, `remove ${key} or list at least one value`);
  }
  return items.map((item) => {
    const n =
      typeof item === 'string' && /^(0x[0-9a-f]+|\d+)$/i.test(item.trim()) ? Number(item.trim()) : item;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
      throw new ChecksumParamError(
        `${algorithm} checksum parameter "${key}" must be an integer from ${min} to ${max} (or a list of them), got ${describe(item)}`,
        `write ${key}: [${min}]`,
      );
    }
    return n;
  });
}

export function checkGroup(algorithm: string, key: string, name: string, groups: readonly string[]): void {
  if (groups.includes(name)) return;
  throw new ChecksumParamError(
    `${algorithm} checksum parameter "${key}" names group "${name}", which the pattern does not define`,
    groups.length > 0
      ? `use one of the pattern's named groups: ${groups.join(', ')}`
      : `add a named group (?<${name}>...) to the pattern`,
  );
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'object') return 'a mapping';
  return `${typeof v} ${String(v)}`;
}
