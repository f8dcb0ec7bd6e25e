import { LONE_SURROGATE, LONE_SURROGATE_MESSAGE } from './lone-surrogate.ts';

/**
 * Deeper than any input of the contract (an encounter draft is five levels at most) and far below
 * what a recursive walk or schema could overflow on. A hostile payload nested hundreds of
 * thousands of levels deep once made dispatch throw "Maximum call stack size exceeded" instead of
 * answering `invalid`.
 */
export const MAX_INPUT_DEPTH = 64;
export const TOO_DEEP_MESSAGE = 'The request is nested too deeply to be a record of Leg Pain DDx; nothing was saved.';

export interface InputProblem {
  readonly message: string;
  /** The dotted path of the offending field; '' for the input itself. */
  readonly path: string;
}

/**
 * The first problem that no schema reports in words a clinician understands: nesting deeper than
 * MAX_INPUT_DEPTH, or a string (value or key) holding a lone surrogate, which would be stored as it
 * is in a revision but indexed, exported and printed as something else. Walked with an explicit
 * stack, in document order, so the path named is the first such field a reader would meet.
 */
export function inputProblem(input: unknown): InputProblem | null {
  const stack: { value: unknown; path: readonly string[] }[] = [{ value: input, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (LONE_SURROGATE.test(value)) return { message: LONE_SURROGATE_MESSAGE, path: path.join('.') };
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (path.length >= MAX_INPUT_DEPTH) return { message: TOO_DEEP_MESSAGE, path: path.join('.') };
    const entries = Object.entries(value);
    for (const [key] of entries) {
      if (LONE_SURROGATE.test(key)) return { message: LONE_SURROGATE_MESSAGE, path: [...path, key].join('.') };
    }
    for (let i = entries.length - 1; i >= 0; i--) stack.push({ value: entries[i]![1], path: [...path, entries[i]![0]] });
  }
  return null;
}
