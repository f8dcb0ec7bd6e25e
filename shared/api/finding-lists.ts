import { z } from 'zod';
import { FINDING_IDS, closestIds, isFindingId } from '../clinical/vocabulary.ts';

/**
 * The finding lists of the contract (present and absent), with limits that keep hostile input
 * cheap to refuse: no more entries than the knowledge base has findings, ids no longer than an id
 * can be, and at most a few issues reported per list. Naming the closest known ids costs a
 * comparison with every known id; done for each of 50,000 unknown ids, it held the process for
 * 47 s. The rules are those of the engine's FindingIdList (shared/clinical/case.ts), with its words.
 */

/** A list of distinct known findings cannot be longer than the knowledge base's list. */
export const MAX_FINDINGS = FINDING_IDS.length;
export const MAX_FINDING_ID_LENGTH = 100;
/** Issues reported per list; after them, one line says how many more there were. */
export const MAX_LIST_ISSUES = 3;

export const FindingIds = z
  .array(z.string().max(MAX_FINDING_ID_LENGTH, `A finding id is at most ${MAX_FINDING_ID_LENGTH} characters`))
  .max(MAX_FINDINGS, `At most ${MAX_FINDINGS} findings (every finding of the knowledge base once)`)
  .superRefine((ids, ctx) => {
    const seen = new Set<string>();
    let issues = 0;
    let more = 0;
    for (const [i, id] of ids.entries()) {
      // Too long to be an id: already refused above, and too costly to compare with the known ids.
      if (id.length > MAX_FINDING_ID_LENGTH) continue;
      const unknown = !isFindingId(id);
      const twice = !unknown && seen.has(id);
      seen.add(id);
      if (!unknown && !twice) continue;
      if (issues === MAX_LIST_ISSUES) {
        more++;
        continue;
      }
      issues++;
      const message = unknown ? `Unknown finding id ${JSON.stringify(id)}; closest known: ${closestIds(id, FINDING_IDS).join(', ')}` : `Finding "${id}" is listed twice`;
      ctx.addIssue({ code: 'custom', message, path: [i] });
    }
    if (more > 0) ctx.addIssue({ code: 'custom', message: `…and ${more} more ${more === 1 ? 'entry' : 'entries'} of this list unknown or repeated`, path: [] });
  });
