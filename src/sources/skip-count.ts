// One place that turns a skip reason into the scan's skip counters, for every source.
import type { ScanStats } from '../engine/types.js';
import type { SkipReason } from './files-walk.js';

export function countSkip(stats: ScanStats, reason: SkipReason): void {
  switch (reason) {
    case 'binary':
      stats.skipped.binary++;
      break;
    case 'too-large':
      stats.skipped.tooLarge++;
      break;
    case 'unreadable':
      stats.skipped.unreadable++;
      break;
    default:
      stats.skipped.other++; // symlink-outside, special
  }
}
