// Marvin32 (Microsoft's seeded 64-bit hash, folded to 32 bits), as used for the checksums of
// Microsoft identifiable and common annotated security keys.

function rotl(x: number, n: number): number {
  return ((x << n) | (x >>> (32 - n))) >>> 0;
}

/** 64-bit Marvin hash: high word p1, low word p0. */
export function marvin64(data: Uint8Array, seed: bigint): bigint {
  let p0 = Number(seed & 0xffffffffn) >>> 0;
  let p1 = Number((seed >> 32n) & 0xffffffffn) >>> 0;
  const block = (): void => {
    p1 = (p1 ^ p0) >>> 0;
    p0 = rotl(p0, 20);
    p0 = (p0 + p1) >>> 0;
    p1 = rotl(p1, 9);
    p1 = (p1 ^ p0) >>> 0;
    p0 = rotl(p0, 27);
    p0 = (p0 + p1) >>> 0;
    p1 = rotl(p1, 19);
  };
  const whole = data.length - (data.length % 4);
  for (let i = 0; i < whole; i += 4) {
    const w =
      ((data[i] as number) |
        ((data[i + 1] as number) << 8) |
        ((data[i + 2] as number) << 16) |
        ((data[i + 3] as number) << 24)) >>>
      0;
    p0 = (p0 + w) >>> 0;
    block();
  }
  const rest = data.length - whole;
  let last = 0x80 << (8 * rest);
  for (let k = 0; k < rest; k++) last |= (data[whole + k] as number) << (8 * k);
  p0 = (p0 + (last >>> 0)) >>> 0;
  block();
  block();
  return (BigInt(p1) << 32n) | BigInt(p0);
}

/** Marvin32: the two halves of the 64-bit hash XORed; unsigned 32-bit result. */
export function marvin32(data: Uint8Array, seed: bigint): number {
  const h = marvin64(data, seed);
  return (Number(h & 0xffffffffn) ^ Number(h >> 32n)) >>> 0;
}

/** The seed of Microsoft keys derived from the literal "Default0" (bytes reversed). */
export const MARVIN_DEFAULT_SEED = 0x44656661756c7430n;
