// @ts-check
/**
 * A Stryker reporter that writes each mutant no test noticed to
 * test-results/mutation/<area>/survivors.log the moment it is found, one line each
 * (file:line:column status mutator -> replacement | source line), so tests can be written against
 * the first survivors while a run that takes an hour is still going. The full list is still
 * printed by run.ts at the end.
 */
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { PluginKind, declareClassPlugin } from '@stryker-mutator/api/plugin';

const logFile = `test-results/mutation/${process.env.MUTATE_AREA ?? 'engine'}/survivors.log`;
/** @type {Map<string, string[]>} */
const sources = new Map();

/** @param {string} file @param {number} line */
function sourceLine(file, line) {
  let lines = sources.get(file);
  if (lines === undefined) {
    try {
      lines = readFileSync(file, 'utf8').split('\n');
    } catch {
      lines = [];
    }
    sources.set(file, lines);
  }
  return (lines[line - 1] ?? '').trim().slice(0, 100);
}

class SurvivorLog {
  onDryRunCompleted() {
    mkdirSync(dirname(logFile), { recursive: true });
    writeFileSync(logFile, '');
  }

  /** @param {import('@stryker-mutator/api/core').MutantResult} m */
  onMutantTested(m) {
    if (m.status !== 'Survived' && m.status !== 'NoCoverage') return;
    const { line, column } = m.location.start;
    const file = relative(process.cwd(), m.fileName);
    const replacement = m.replacement === undefined ? '' : ` -> ${m.replacement.replace(/\s+/g, ' ').slice(0, 60)}`;
    appendFileSync(logFile, `${file}:${line}:${column} ${m.status} ${m.mutatorName}${replacement}   | ${sourceLine(m.fileName, line)}\n`);
  }
}

export const strykerPlugins = [declareClassPlugin(PluginKind.Reporter, 'survivor-log', SurvivorLog)];
