export { formatNames, getReporter, isFormatName, reporters } from './registry.js';
export type { FormatName } from './registry.js';
export type { ReportContext, Reporter, RuleInfo, SuppressedFinding } from './types.js';
