// Contract for checksum algorithms. One file per algorithm under src/checksums/, one line in
// registry.ts. The rule YAML names an algorithm and its parameters:
//   checksum: { algorithm: crc32, encoding: base62, over: [body], expect: check, width: 6 }

/** A candidate secret and the spans of the rule's named capture groups inside it. */
export interface ChecksumInput {
  secret: string;
  /** [start, end) of each named group of the rule pattern, relative to `secret`. */
  spans: Readonly<Record<string, readonly [number, number] | undefined>>;
}

/** Thrown by parseParams; the rule loader adds file, line and rule id. */
export class ChecksumParamError extends Error {
  constructor(
    message: string,
    readonly fix: string,
  ) {
    super(message);
    this.name = 'ChecksumParamError';
  }
}

export interface ChecksumAlgorithm<P = unknown> {
  /** Name used in YAML (`algorithm:`). */
  readonly name: string;
  readonly description: string;
  /**
   * Validate and normalise the YAML parameters (everything in the checksum block except
   * `algorithm`). Unknown keys and bad values throw ChecksumParamError with a fix.
   * `groups` lists the named groups the rule pattern declares, so span names can be checked.
   */
  parseParams(raw: Readonly<Record<string, unknown>>, groups: readonly string[]): P;
  /** True when the checksum embedded in the secret is correct. Must never throw. */
  verify(input: ChecksumInput, params: P): boolean;
  /**
   * The same secret with its checksum made correct (same length and shape). Used to generate
   * test tokens at test time and by keygen; never used on the scan path.
   */
  repair(input: ChecksumInput, params: P): string;
}

/** Identity helper: gives type inference for an algorithm's params without classes. */
export function defineChecksum<P>(algorithm: ChecksumAlgorithm<P>): ChecksumAlgorithm<P> {
  return algorithm;
}
