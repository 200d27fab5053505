// The machine a result was measured on: printed with every table, stored with every result.
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, totalmem } from 'node:os';

/** CPU model from a /proc/cpuinfo text ("model name" line), or null. */
export function parseCpuModel(cpuinfo) {
  const m = /^model name\s*:\s*(.+)$/m.exec(cpuinfo);
  return m ? m[1].trim() : null;
}

export function machineInfo() {
  let cpu = null;
  try {
    cpu = parseCpuModel(readFileSync('/proc/cpuinfo', 'utf8'));
  } catch {
    // not Linux
  }
  return {
    cpu: cpu ?? cpus()[0]?.model ?? 'unknown',
    cores: availableParallelism(),
    memoryGB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${process.platform} ${release()}`,
    loadAverageAtStart: loadavg().map((v) => Math.round(v * 100) / 100),
  };
}
