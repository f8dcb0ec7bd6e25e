import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The app's diagnostic log. A packaged app writes it to a file in the user-data folder (so a
 * clinician can send it when something goes wrong); everything else to standard error. It must
 * never hold patient data: callers pass an event name and fields they choose (versions, method
 * names, counts), and errors are reduced to their kind, code and stack. An error's message is never
 * written: one from the file system or a library may quote a patient's name (a referral letter's
 * file name carries it, SQLite may quote a value), and no pattern can tell which words are data.
 */

export type LogFields = Readonly<Record<string, string | number | boolean | null>>;

export interface LogSink {
  write(line: string): void;
}

/** One error as a log entry: its kind, code and the code locations of its stack, never its data. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `non-error thrown (${typeof error})`;
  const { code, errstr } = error as { code?: unknown; errstr?: unknown };
  // SQLite's errstr is the fixed text of its result code ("database is locked"), never a value.
  const head = [error.name, typeof code === 'string' || typeof code === 'number' ? `[${code}]` : '', typeof errstr === 'string' ? `(${errstr})` : '']
    .filter((part) => part !== '')
    .join(' ');
  // Stack frames name our code's files and lines; the message lines above them are dropped.
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 12)
    .map((line) => line.trim());
  const cause = error.cause === undefined ? [] : [`caused by ${describeError(error.cause)}`];
  return [head, ...frames, ...cause].join('\n    ');
}

function formatFields(fields: LogFields | undefined): string {
  if (fields === undefined) return '';
  return Object.entries(fields)
    .map(([key, value]) => ` ${key}=${JSON.stringify(value)}`)
    .join('');
}

export interface Logger {
  info(event: string, fields?: LogFields): void;
  error(event: string, error: unknown, fields?: LogFields): void;
}

export function createLogger(sink: LogSink, now: () => Date = () => new Date()): Logger {
  const line = (level: string, event: string, rest: string): void => sink.write(`${now().toISOString()} ${level} ${event}${rest}\n`);
  return {
    info: (event, fields) => line('info', event, formatFields(fields)),
    error: (event, error, fields) => line('error', event, `${formatFields(fields)} ${describeError(error)}`),
  };
}

export const stderrSink: LogSink = { write: (line) => void process.stderr.write(line) };

/**
 * Appends to `path`, creating its folder; past `maxBytes` the file becomes `<path>.1` (replacing
 * the previous one), so the log never grows without bound. A log that cannot be written is not
 * worth stopping the app for: the line goes to standard error instead.
 */
export function fileSink(path: string, maxBytes = 1_000_000): LogSink {
  mkdirSync(dirname(path), { recursive: true });
  return {
    write(line) {
      try {
        let size = 0;
        try {
          size = statSync(path).size;
        } catch {
          // no log yet
        }
        if (size + line.length > maxBytes && size > 0) renameSync(path, `${path}.1`);
        appendFileSync(path, line, { mode: 0o600 });
      } catch {
        process.stderr.write(line);
      }
    },
  };
}

let current: Logger = createLogger(stderrSink);

/** The process's logger: standard error until the Electron entry points it at the log file. */
export const log: Logger = {
  info: (event, fields) => current.info(event, fields),
  error: (event, error, fields) => current.error(event, error, fields),
};

export function setLogger(logger: Logger): void {
  current = logger;
}
