import type { Assessment, StoredAssessment } from '../assessment.ts';
import type { CaseInput } from '../case.ts';
import { KB_VERSION } from '../kb/index.ts';
import { assessCase } from './assess-case.ts';
import { validateCase } from './validate.ts';

/**
 * Assesses a case after checking it against the Case schema (assessCase). Throws CaseError on an
 * invalid case.
 */
export function assess(input: CaseInput | unknown): Assessment {
  return assessCase(validateCase(input));
}

/** An assessment as the store keeps it: it names the knowledge base it came from. */
export function assessForStorage(input: CaseInput | unknown): StoredAssessment {
  return { ...assess(input), knowledgeBase: KB_VERSION };
}
