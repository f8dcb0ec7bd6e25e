import type { z } from 'zod';

/**
 * The first validation issue as the contract reports it: the dotted path of the field and a
 * sentence a clinician can act on. Schema messages written for people are kept as they are; zod's
 * generic wording for a missing or mistyped field is replaced by one that names the field.
 */
export function describeIssue(issue: z.core.$ZodIssue, subject = 'The request'): { path: string | undefined; message: string } {
  const { path, message } = describe(issue, subject);
  return { path: path === undefined ? undefined : shorten(path, 200), message: shorten(message, MAX_MESSAGE) };
}

/** Messages may quote what was sent (an unknown id); a huge value must not come back whole. */
const MAX_MESSAGE = 300;
const shorten = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

function describe(issue: z.core.$ZodIssue, subject: string): { path: string | undefined; message: string } {
  const path = issue.path.length === 0 ? undefined : issue.path.map(String).join('.');
  const field = path === undefined ? subject : `The field "${path}"`;
  if (issue.code === 'invalid_type') {
    // zod leaves the input out of issues unless asked; its own message says what it received.
    const missing = 'input' in issue ? issue.input === undefined : issue.message.endsWith('received undefined');
    if (missing && path !== undefined) return { path, message: `${field} is missing.` };
    return { path, message: `${field} should be ${article(issue.expected)}.` };
  }
  if (issue.code === 'unrecognized_keys') return { path, message: `${field} has fields this version does not know: ${issue.keys.join(', ')}.` };
  if (issue.code === 'invalid_value' && issue.values.length > 0 && !issue.message.startsWith('Invalid input')) return { path, message: issue.message };
  if (issue.code === 'invalid_value') {
    return { path, message: `${field} should be one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.` };
  }
  return { path, message: issue.message };
}

function article(expected: string): string {
  const words: Record<string, string> = {
    string: 'text',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    object: 'an object (a set of named fields)',
    array: 'a list',
    null: 'empty (null)',
  };
  return words[expected] ?? expected;
}
