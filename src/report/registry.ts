// The one list of report formats; --format choices come from its keys.
import { UsageError } from '../errors.js';
import { csv } from './csv.js';
import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { text } from './text.js';
import type { Reporter } from './types.js';

export const reporters = { text, json, sarif, junit, github, gitlab, csv } satisfies Record<string, Reporter>;

export type FormatName = keyof typeof reporters;

export const formatNames = Object.keys(reporters) as FormatName[];

export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(reporters, name);
}

export function getReporter(name: string): Reporter {
  if (isFormatName(name)) return reporters[name];
  throw new UsageError(`Unknown report format "${name}"`, `use one of: ${formatNames.join(', ')}`);
}
