import { SYSTEM } from './codes.ts';
import { uuidFromName } from './ids.ts';
import { withoutEmpty } from './prune.ts';
import { fhirBundleEnvelope, fhirEntryBuilder, type FhirSourceEncounter, type ToFhirOptions } from './to-bundle.ts';
import type * as R4 from './types.ts';

/**
 * Encounters as a FHIR R4 `transaction` Bundle for a FHIR server (mapping.md, "Sending to a FHIR
 * server"). Every entry is conditional on an identifier, so sending the same file twice creates
 * nothing twice and a later revision of an encounter updates what the first one created:
 * - Patient: conditional create (`ifNoneExist`) on its identifier, so a patient the server already
 *   knows is used as it is (the receiving system owns its demographics);
 * - Encounter: conditional update (PUT `Encounter?identifier=…`) on the Leg Pain DDx encounter id;
 * - the resources of an encounter: conditional update on an identifier made from the encounter id
 *   and the resource's role (the finding's id, "Condition", ...), not from the revision.
 * References between entries stay `urn:uuid:` fullUrls; the server resolves them on write.
 */

/** Identifier system of resources that have no identifier of their own in the app. */
export const RESOURCE_IDENTIFIER_SYSTEM = 'urn:leg-pain-ddx:resource';
/** Identifier system of a patient recorded without an identifier: a key made from name, birth date and sex. */
export const PATIENT_KEY_SYSTEM = 'urn:leg-pain-ddx:patient-key';

const query = (identifier: R4.Identifier) => `identifier=${encodeURIComponent(`${identifier.system}|${identifier.value}`)}`;

/** The role of a resource within its encounter, independent of the revision: the key of its identifier. */
function roleOf(resource: R4.Resource): string | null {
  switch (resource.resourceType) {
    case 'Observation':
      return `Observation|${resource.code.coding?.[0]?.system}|${resource.code.coding?.[0]?.code}`;
    case 'ServiceRequest':
      return resource.intent === 'order' ? 'ServiceRequest|referral' : `ServiceRequest|imaging|${resource.code?.coding?.[0]?.code}`;
    case 'Condition':
    case 'RiskAssessment':
      return resource.resourceType;
    default:
      return null;
  }
}

export function toFhirTransaction(items: readonly FhirSourceEncounter[], options: ToFhirOptions): R4.TransactionBundle {
  const entriesOf = fhirEntryBuilder(options);
  return withoutEmpty<R4.TransactionBundle>({
    ...fhirTransactionEnvelope(options),
    entry: items.flatMap((item) => toTransactionEntries(withoutEmpty({ entry: entriesOf(item) }).entry ?? [])),
  });
}

/** A transaction Bundle's fields other than its entries. */
export function fhirTransactionEnvelope(options: ToFhirOptions): { resourceType: 'Bundle'; type: 'transaction'; timestamp: string } {
  return { resourceType: 'Bundle', type: 'transaction', timestamp: fhirBundleEnvelope(options).timestamp };
}

/**
 * The collection entries of one encounter (fhirEntryBuilder, pruned) as transaction entries: the
 * encounter's own Encounter is among them, so each resource finds the identifier it hangs on.
 */
export function toTransactionEntries(entries: readonly R4.BundleEntry[]): R4.TransactionEntry[] {
  // Which encounter (by Leg Pain DDx id) each Encounter fullUrl stands for.
  const encounterIdOf = new Map<string, string>();
  for (const { fullUrl, resource } of entries) {
    if (resource.resourceType === 'Encounter') {
      const id = resource.identifier?.find((i) => i.system === SYSTEM.encounter)?.value;
      if (id !== undefined) encounterIdOf.set(fullUrl, id);
    }
  }

  const out: R4.TransactionEntry[] = entries.map(({ fullUrl, resource: original }) => {
    // The server assigns ids and versions; the revision and save time stay in the collection export.
    const { id: _id, meta: _meta, ...resource } = original;
    if (resource.resourceType === 'Patient') {
      const name = resource.name?.[0]?.text ?? '';
      const identifier: R4.Identifier = resource.identifier?.[0] ?? {
        system: PATIENT_KEY_SYSTEM,
        value: uuidFromName(JSON.stringify([name, resource.birthDate ?? null, resource.gender ?? 'unknown'])),
      };
      return {
        fullUrl,
        resource: { ...resource, identifier: [identifier] },
        request: { method: 'POST', url: 'Patient', ifNoneExist: query(identifier) },
      };
    }
    if (resource.resourceType === 'Encounter') {
      const identifier = resource.identifier![0]!;
      return { fullUrl, resource, request: { method: 'PUT', url: `Encounter?${query(identifier)}` } };
    }
    const encounterId = encounterIdOf.get(resource.encounter?.reference ?? '');
    const role = roleOf(resource);
    if (encounterId === undefined || role === null) throw new Error(`No identifier can be made for a ${resource.resourceType} of the export`);
    const identifier = { system: RESOURCE_IDENTIFIER_SYSTEM, value: uuidFromName(`${encounterId}|${role}`) };
    return {
      fullUrl,
      resource: { ...resource, identifier: [identifier] } as R4.Resource,
      request: { method: 'PUT', url: `${resource.resourceType}?${query(identifier)}` },
    };
  });
  return out;
}
