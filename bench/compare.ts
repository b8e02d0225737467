/**
 * npm run bench:compare -- --tfjs tfjs.json --pytorch torch.json [--markdown | --json]
 *
 * TF.js speed as a multiple of PyTorch's for the same SegNet: reads the JSON of
 * `npm run bench -- --json` and of `python3 bench/pytorch_segnet.py --json` and prints
 * TF.js time / PyTorch time for a training step and for inference, per model, size, TF.js
 * backend and PyTorch run. Both options take comma lists of files: different PyTorch runs
 * (CPU at 1 thread, at 2, on CUDA) become rows of their own, and repeated runs of the same
 * configuration are summarised (median, range), which a noisy shared machine needs. The
 * logic lives in compare-lib.ts.
 */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from '../scripts/lib/args';
import { compareReports, formatJson, formatMarkdown, formatTable, parsePytorchReport, parseTfjsReport, ReportError } from './compare-lib';

const SPEC = {
  tfjs: { type: 'string', default: '', help: 'comma list of JSON files from `npm run --silent bench -- --json`' },
  pytorch: { type: 'string', default: '', help: 'comma list of JSON files from `python3 bench/pytorch_segnet.py --json`' },
  json: { type: 'boolean', default: false, help: 'print the comparison as JSON' },
  markdown: { type: 'boolean', default: false, help: 'print a Markdown table' },
} as const;

const USAGE = 'Prints TF.js time / PyTorch time per model, size, TF.js backend and PyTorch run.';

/** Reads a file, turning "not there" and the like into a message that names it. */
async function readReport(file: string, readText: (file: string) => Promise<string>): Promise<string> {
  try {
    return await readText(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder, not a file' : e instanceof Error ? e.message : String(e);
    throw new ReportError(`${file}: cannot read it (${why})`);
  }
}

const files = (list: string) => list.split(',').map((f) => f.trim()).filter(Boolean);

/**
 * The whole command, minus process handling: returns the text to print, or throws an Error
 * whose message is meant for the user.
 */
export async function runCompare(argv: string[], readText = (f: string) => readFile(f, 'utf8')): Promise<string> {
  const args = parseArgs(argv, SPEC, USAGE);
  if (!args.tfjs || !args.pytorch) throw new Error('both --tfjs and --pytorch are needed (each a JSON file or a comma list of them)');
  if (args.json && args.markdown) throw new Error('choose one of --json and --markdown');
  const tfjs = await Promise.all(files(args.tfjs).map(async (f) => parseTfjsReport(await readReport(f, readText), f)));
  const pytorch = await Promise.all(files(args.pytorch).map(async (f) => parsePytorchReport(await readReport(f, readText), f)));
  const result = compareReports(tfjs, pytorch);
  if (result.comparisons.length === 0) {
    throw new Error(`no model and size is in both reports:\n  ${result.unmatched.join('\n  ')}`);
  }
  return args.json ? formatJson(result) : args.markdown ? formatMarkdown(result) : formatTable(result);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runCompare(process.argv.slice(2)).then(
    (out) => console.log(out),
    (e: unknown) => {
      process.stderr.write(`bench:compare: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
