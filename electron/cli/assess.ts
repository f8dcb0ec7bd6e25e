/**
 * `npm run --silent assess -- [--json] <case.json | ->`: the clinical engine without the app
 * (contract: ../shared/spec/assess-cli.md). Thin on purpose: arguments, reading, one call to the
 * engine, printing. Any error: exit status 2, nothing on stdout, one line on stderr.
 * `npm run assess` starts it through assess.mjs, which keeps Node's compile cache.
 */
import { readFileSync } from 'node:fs';
// The engine's own modules, not shared/clinical/index.ts: the index also builds the assessment's
// zod schemas and the finding search, which the command never uses (start-up time, issue 15).
import { assessForStorage } from '../../shared/clinical/engine/assess.ts';
import { CaseError } from '../../shared/clinical/engine/validate.ts';
import { formatReport } from '../../shared/clinical/report.ts';

const USAGE = 'Usage: npm run --silent assess -- [--json] <case.json | ->   (- reads the case from standard input)';

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): { json: boolean; file: string } {
  let json = false;
  const files: string[] = [];
  for (const arg of argv) {
    if (arg === '--json') json = true;
    else if (arg === '-h' || arg === '--help') throw new UsageError(USAGE);
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`Unknown option "${arg}". ${USAGE}`);
    else files.push(arg);
  }
  if (files.length !== 1) throw new UsageError(files.length === 0 ? `No case given. ${USAGE}` : `Give one case, not ${files.length}. ${USAGE}`);
  return { json, file: files[0]! };
}

function read(file: string): string {
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new UsageError(`Cannot read the case ${file === '-' ? 'from standard input' : `"${file}"`}: ${why}`);
  }
}

function main(argv: readonly string[]): number {
  try {
    const { json, file } = parseArgs(argv);
    const text = read(file);
    const where = file === '-' ? 'standard input' : file;
    let input: unknown;
    try {
      // A byte-order mark (common in files saved on Windows) is not part of the JSON.
      input = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (e) {
      throw new UsageError(`The case in ${where} is not valid JSON: ${(e as Error).message}`);
    }
    let assessment;
    try {
      assessment = assessForStorage(input);
    } catch (e) {
      if (e instanceof CaseError) throw new UsageError(`Invalid case in ${where}: ${e.message}`);
      throw e;
    }
    process.stdout.write(json ? `${JSON.stringify(assessment, null, 2)}\n` : formatReport(assessment));
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message.replace(/\s*\n\s*/g, ' ')}\n`);
      return 2;
    }
    throw e;
  }
}

process.exitCode = main(process.argv.slice(2));
