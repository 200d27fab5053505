// Property tests explore new random cases on every local run (a failure prints its seed to replay
// with KEYHOUND_FC_SEED). In CI they replay one fixed seed, so a build passes or fails on the code,
// not on the draw; a case found locally becomes a fixed test.
import fc from 'fast-check';

const seed = process.env['KEYHOUND_FC_SEED'] ?? (process.env['CI'] ? '20261128' : undefined);
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) });
