/** Small helpers shared by the data CLIs: version, interruption, and error reporting. */
import { readFileSync } from 'node:fs';
import { errorMessage } from '../../src/segnet/core';

/** The project's package version, recorded in manifests as `createdWith.version`. */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
  return pkg.version ?? 'unknown';
}

/**
 * An AbortSignal that fires on the first SIGINT/SIGTERM, so the run can remove its partial
 * output; a second signal exits at once (the exit hook still removes the temporary folder).
 */
export function interruptSignal(): AbortSignal {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals): void => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort(new Error(`interrupted (${name})`));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return controller.signal;
}

/** Prints "tool: message" on stderr and sets a failing exit code (130 when interrupted). */
export function reportFailure(tool: string, err: unknown, signal: AbortSignal): void {
  const message = errorMessage(err);
  process.stderr.write(`\n${tool}: ${message}\n`);
  process.exitCode = signal.aborted ? 130 : 1;
}

/** One shell word: kept as is when it needs no quoting, else single-quoted (POSIX sh). */
export function shellQuote(word: string): string {
  return /^[\w./:=@,+-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}
