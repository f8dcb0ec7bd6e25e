import { FhirRouter, MemoryRepository } from '@medplum/fhir-router';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { causes } from '../../../shared/clinical/kb/causes.ts';
import { findings } from '../../../shared/clinical/kb/findings.ts';
import { FHIR_SYSTEM, toFhirTransaction, type R4 } from '../../../shared/review/fhir/index.ts';
import { encounterFixture } from './fixtures.ts';
import { emptyPaths } from './fhir-random.ts';
import { loadFhirDefinitions, medplumErrors } from './fhir-medplum.ts';

/**
 * The transaction export sent to Medplum's FHIR router with its in-memory repository, in process:
 * the same transaction processing (conditional create and update, urn:uuid references rewritten)
 * that a Medplum server runs, without a server.
 */

const kb = { causes, findings };
const EXPORTED_AT = '2026-04-01T09:00:00.000Z';

async function send(repo: MemoryRepository, bundle: R4.TransactionBundle): Promise<Bundle> {
  const router = new FhirRouter();
  // The router rewrites the bundle it is given (references, ids): send a copy, so the tests' bundle stays as exported.
  const [outcome, response] = await router.handleRequest({ method: 'POST', url: '', pathname: '', params: {}, query: {}, body: structuredClone(bundle) }, repo);
  expect(outcome.issue?.[0]?.severity, JSON.stringify(outcome)).toBe('information');
  return response as Bundle;
}

async function all(repo: MemoryRepository, type: string): Promise<Resource[]> {
  const result = await repo.search({ resourceType: type as Resource['resourceType'], count: 1000 });
  return (result.entry ?? []).map((e) => e.resource!);
}

const TYPES = ['Patient', 'Encounter', 'Observation', 'Condition', 'ServiceRequest', 'RiskAssessment'];

/**
 * The stored resources by type, each as its id and content without meta: the in-memory repository
 * writes a new version on every update, even one that changes nothing, so versions cannot tell.
 */
async function snapshot(repo: MemoryRepository): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const type of TYPES) out[type] = (await all(repo, type)).map(({ meta: _meta, ...r }) => JSON.stringify(r)).sort();
  return out;
}

/** Every reference of every stored resource, and whether it resolves in the repository. */
async function unresolved(repo: MemoryRepository): Promise<string[]> {
  const missing: string[] = [];
  const visit = async (value: unknown, where: string): Promise<void> => {
    if (Array.isArray(value)) for (const [i, v] of value.entries()) await visit(v, `${where}[${i}]`);
    else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (k === 'reference' && typeof v === 'string') {
          try {
            await repo.readReference({ reference: v });
          } catch {
            missing.push(`${where}: ${v}`);
          }
        } else await visit(v, `${where}.${k}`);
      }
    }
  };
  for (const type of TYPES) for (const r of await all(repo, type)) await visit(r, `${type}/${r.id}`);
  return missing;
}

const draft = () =>
  encounterFixture({
    id: 'enc-0002',
    revision: 1,
    status: 'draft',
    signedAt: null,
    signedBy: null,
    patient: { name: 'Bo Other', birthDate: null, sex: 'unknown', identifier: '' },
    referral: null,
    workingDiagnosis: null,
  });

describe('toFhirTransaction sent to a FHIR server (Medplum router, in-memory repository)', () => {
  beforeAll(() => loadFhirDefinitions(), 60_000);
  const items = [
    { encounter: encounterFixture(), addenda: [{ id: 'add-1', text: 'D-dimer raised.', createdAt: '2026-03-03T08:00:00.000Z', author: 'Dr Sam Reyes' }] },
    { encounter: encounterFixture({ id: 'enc-0003', revision: 1, seenAt: '2026-03-09T09:00:00.000Z' }), addenda: [] },
    { encounter: draft(), addenda: [] },
  ];
  const bundle = toFhirTransaction(items, { kb, exportedAt: EXPORTED_AT });

  it('is a valid transaction: conditional create of the Patient, conditional updates for the rest, nothing empty', () => {
    expect(bundle.type).toBe('transaction');
    expect(emptyPaths(bundle)).toEqual([]);
    expect(medplumErrors(bundle)).toEqual([]);
    const patients = bundle.entry!.filter((e) => e.resource.resourceType === 'Patient');
    expect(patients.map((p) => p.request)).toEqual([
      { method: 'POST', url: 'Patient', ifNoneExist: `identifier=${encodeURIComponent(`${FHIR_SYSTEM.patientIdentifier}|MRN 004211`)}` },
      { method: 'POST', url: 'Patient', ifNoneExist: expect.stringMatching(/^identifier=urn%3Aleg-pain-ddx%3Apatient-key%7C[0-9a-f-]{36}$/) },
    ]);
    const encounter = bundle.entry!.find((e) => e.resource.resourceType === 'Encounter')!;
    expect(encounter.request).toEqual({ method: 'PUT', url: `Encounter?identifier=${encodeURIComponent(`${FHIR_SYSTEM.encounter}|enc-0001`)}` });
    expect(bundle.entry!.filter((e) => e.resource.id !== undefined)).toEqual([]);
    expect(bundle.entry!.filter((e) => e.request.method === 'PUT' && !/^[A-Za-z]+\?identifier=/.test(e.request.url))).toEqual([]);
  });

  it('every entry succeeds, references resolve, and a second send creates and changes nothing', async () => {
    const repo = new MemoryRepository();
    const first = await send(repo, bundle);
    expect(first.entry!.map((e) => e.response?.status)).toEqual(bundle.entry!.map(() => '201'));
    const once = await snapshot(repo);
    expect(once.Patient).toHaveLength(2);
    expect(once.Encounter).toHaveLength(3);
    expect(once.Observation).toHaveLength(bundle.entry!.filter((e) => e.resource.resourceType === 'Observation').length);
    expect(await unresolved(repo)).toEqual([]);
    const stored = (await all(repo, 'Encounter')).find((e) => JSON.stringify(e).includes('enc-0001'))!;
    expect(stored).toMatchObject({ subject: { reference: expect.stringMatching(/^Patient\/[0-9a-f-]{36}$/) } });

    const second = await send(repo, bundle);
    expect(second.entry!.every((e) => e.response?.status === '200')).toBe(true);
    expect(await snapshot(repo)).toEqual(once);
  });

  it('a later revision updates the resources the first one created, and leaves a patient the server knows as it is', async () => {
    const repo = new MemoryRepository();
    await send(repo, bundle);
    const before = await snapshot(repo);
    const revised = encounterFixture({ revision: 4, complaint: 'Calf pain, now both legs' });
    const renamed = { ...revised, patient: { ...revised.patient, name: 'Ada Renamed' } };
    await send(repo, toFhirTransaction([{ encounter: renamed, addenda: items[0]!.addenda }], { kb, exportedAt: EXPORTED_AT }));
    const after = await snapshot(repo);
    for (const type of TYPES) expect(after[type]!.length, type).toBe(before[type]!.length);
    const encounter = (await all(repo, 'Encounter')).find((e) => JSON.stringify(e).includes('enc-0001')) as { reasonCode?: { text?: string }[] };
    expect(encounter.reasonCode?.[0]?.text).toBe('Calf pain, now both legs');
    const patient = (await all(repo, 'Patient')).find((p) => JSON.stringify(p).includes('MRN 004211')) as { name?: { text?: string }[] };
    expect(patient.name?.[0]?.text).toBe('Ada Example');
  });
});
