import type { z } from 'zod';

/** One row of the method table: the input schema (validated at the boundary) and the output schema. */
export interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  /** What the method does, for the bridge's listing and for readers of the table. */
  readonly summary: string;
}

export const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, summary: string): MethodDef<I, O> => ({
  input,
  output,
  summary,
});
