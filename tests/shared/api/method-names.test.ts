import { describe, expect, it } from 'vitest';
import { api } from '../../../shared/api/methods.ts';
import { METHOD_NAMES, isMethodName } from '../../../shared/api/method-names.ts';

/** The method names a client loads without the schemas (issue 15) are the contract's table, no more, no less. */
describe('method names', () => {
  it('lists exactly the methods of the contract, in its order', () => {
    expect([...METHOD_NAMES]).toEqual(Object.keys(api));
  });

  it('knows a method by its exact name only', () => {
    for (const name of Object.keys(api)) expect(isMethodName(name)).toBe(true);
    for (const name of ['encounter', 'encounter.save ', 'Encounter.save', 'toString', '__proto__', 'constructor']) expect(isMethodName(name)).toBe(false);
  });
});
