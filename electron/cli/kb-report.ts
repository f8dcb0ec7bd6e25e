/**
 * `npm run --silent kb:report -- [--markdown]`: every rule of the knowledge base with its weight and
 * the basis of that weight, for the clinician who reviews a knowledge-base change. Thin on purpose:
 * arguments, one call, printing. A usage error: exit status 2, nothing on stdout, one line on stderr.
 */
import { formatKbReport } from '../../shared/clinical/kbReport.ts';

const USAGE = 'Usage: npm run --silent kb:report -- [--markdown]   (plain-text table by default; --markdown for a review document)';

function main(argv: readonly string[]): number {
  let format: 'text' | 'markdown' = 'text';
  for (const arg of argv) {
    if (arg === '--markdown' || arg === '--md') format = 'markdown';
    else if (arg === '-h' || arg === '--help') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    } else {
      process.stderr.write(`${arg.startsWith('-') ? `Unknown option "${arg}"` : `Unexpected argument "${arg}"`}. ${USAGE}\n`);
      return 2;
    }
  }
  process.stdout.write(formatKbReport(format));
  return 0;
}

// A reader that stops early (`| head`) is not an error of the report.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
});
process.exitCode = main(process.argv.slice(2));
