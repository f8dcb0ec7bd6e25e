import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EncounterDraft } from '../../../shared/api/encounter.ts';
import { MAX_FINDINGS, MAX_LIST_ISSUES } from '../../../shared/api/finding-lists.ts';
import { FINDING_IDS } from '../../../shared/clinical/vocabulary.ts';
import { failure, openTestServices, sampleDraft, snapshot, type TestServices } from '../helpers.ts';

/**
 * Issue 11, item 10: finding lists are capped and their checking stops after a few issues, so a
 * request with 50,000 unknown ids (47 s of "closest ids" before) is refused at once, in words.
 */

describe('huge or hostile finding lists', () => {
  let s: TestServices;
  beforeEach(() => {
    s = openTestServices();
  });
  afterEach(() => s.dispose());

  it('refuses 50,000 unknown ids with one issue about the length, naming no closest ids', async () => {
    const ids = Array.from({ length: 50_000 }, (_, i) => `not-a-finding-${i}`);
    const parsed = EncounterDraft.safeParse({ ...sampleDraft(), findings: ids });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues).toHaveLength(1);
    expect(parsed.error!.issues[0]!.message).toBe(`At most ${MAX_FINDINGS} findings (every finding of the knowledge base once)`);
    const before = snapshot(s.store.db);
    const error = await failure(s.client.encounter.save({ ...sampleDraft(), findings: ids }));
    expect(error).toMatchObject({ code: 'invalid', path: 'findings' });
    expect(snapshot(s.store.db)).toBe(before);
  });

  it('reports the first few unknown or repeated ids of a list within the limit, then how many more', () => {
    const unknown = Array.from({ length: MAX_FINDINGS - 1 }, (_, i) => `calf-swelings-${i}`);
    const parsed = EncounterDraft.safeParse({ ...sampleDraft(), findings: [FINDING_IDS[0]!, FINDING_IDS[0]!, ...unknown.slice(1)], absent: Array.from({ length: 10 }, (_, i) => `other-${i}`) });
    expect(parsed.success).toBe(false);
    const findings = parsed.error!.issues.filter((i) => i.path[0] === 'findings');
    expect(findings).toHaveLength(MAX_LIST_ISSUES + 1);
    expect(findings[0]!.message).toBe(`Finding "${FINDING_IDS[0]}" is listed twice`);
    expect(findings[1]!.message).toMatch(/^Unknown finding id "calf-swelings-1"; closest known: calf-swelling/);
    expect(findings.at(-1)!.message).toBe(`…and ${MAX_FINDINGS - 2 - (MAX_LIST_ISSUES - 1)} more entries of this list unknown or repeated`);
    expect(parsed.error!.issues.filter((i) => i.path[0] === 'absent')).toHaveLength(MAX_LIST_ISSUES + 1);
  });

  it('refuses a finding id of a megabyte without comparing it with every known id', async () => {
    const error = await failure(s.client.encounter.save({ ...sampleDraft(), findings: ['x'.repeat(1_000_000)] }));
    expect(error).toMatchObject({ code: 'invalid', path: 'findings.0', message: expect.stringMatching(/at most 100 characters/) });
  });
});
