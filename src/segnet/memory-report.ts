/** The memory report with the engine's own parameter count (builds shapes only, no weights). */
import { memoryReportWith, type MemoryReport } from './memory';
import { countParameters } from './model/segnet-model';
import type { SegNetOptions } from './config';

/** Memory report for a config (its decoder field is ignored: every decoder is reported). */
export function memoryReport(options: SegNetOptions): MemoryReport {
  return memoryReportWith(options, (config) => countParameters(config).total);
}
