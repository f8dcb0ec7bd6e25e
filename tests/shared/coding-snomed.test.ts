import { describe, expect, it } from 'vitest';
import { causes } from '../../shared/clinical/kb/causes.ts';
import { findings } from '../../shared/clinical/kb/findings.ts';
import { FINDING_IDS } from '../../shared/clinical/vocabulary.ts';
import { FINDING_SNOMED, findingOfSnomed, hasSnomed, isConceptSctid, snomedOfFinding, SOURCES, verhoeffValid } from '../../shared/coding/snomed.ts';
import { FHIR_SYSTEM, toFhirBundle, type R4 } from '../../shared/review/fhir/index.ts';
import { encounterFixture } from './review/fixtures.ts';

describe('SNOMED CT table of the findings', () => {
  it('covers every finding of the vocabulary, and nothing else', () => {
    expect(Object.keys(FINDING_SNOMED).sort()).toEqual([...FINDING_IDS].sort());
  });

  it('gives every coded finding a well-formed concept SCTID (partition, Verhoeff check digit), a term and a source', () => {
    const coded = Object.entries(FINDING_SNOMED).filter(([, e]) => hasSnomed(e));
    expect(coded.length).toBeGreaterThan(10);
    for (const [id, entry] of coded) {
      if (!hasSnomed(entry)) continue;
      expect(isConceptSctid(entry.code), `${id}: ${entry.code}`).toBe(true);
      expect(entry.display.trim(), id).not.toBe('');
      expect(SOURCES[entry.source], id).toBeDefined();
    }
  });

  it('says why a finding has no code', () => {
    for (const [id, entry] of Object.entries(FINDING_SNOMED)) if (!hasSnomed(entry)) expect(entry.none.length, id).toBeGreaterThan(20);
  });

  it('uses each code for one finding only, so import reads it back to that finding', () => {
    const codes = Object.values(FINDING_SNOMED).flatMap((e) => (hasSnomed(e) ? [e.code] : []));
    expect(new Set(codes).size).toBe(codes.length);
    for (const id of FINDING_IDS) {
      const code = snomedOfFinding(id)?.code;
      if (code !== undefined) expect(findingOfSnomed(code)).toBe(id);
    }
    expect(findingOfSnomed('22298006')).toBeUndefined();
  });

  it('the Verhoeff check rejects a changed digit and swapped neighbours', () => {
    expect(verhoeffValid('44077006')).toBe(true);
    expect(verhoeffValid('44077007')).toBe(false);
    expect(verhoeffValid('44070706')).toBe(false);
    expect(isConceptSctid('44077016')).toBe(false); // description partition
  });

  it('is exported beside the app code on each finding Observation', () => {
    const bundle = toFhirBundle([{ encounter: encounterFixture({ findings: ['loc-calf', 'numbness'], absent: ['foot-drop', 'warmth'] }), addenda: [] }], {
      kb: { causes, findings },
      exportedAt: '2026-04-01T09:00:00Z',
    });
    const codings = (bundle.entry ?? [])
      .map((e) => e.resource)
      .filter((r): r is R4.Observation => r.resourceType === 'Observation' && r.code.coding?.[0]?.system === FHIR_SYSTEM.finding)
      .map((o) => [o.code.coding![0]!.code, o.code.coding!.find((c) => c.system === 'http://snomed.info/sct')?.code ?? null, o.valueBoolean]);
    expect(codings).toEqual([
      ['loc-calf', '300954003', true],
      ['numbness', '44077006', true],
      ['foot-drop', '6077001', false],
      ['warmth', null, false],
    ]);
  });
});
