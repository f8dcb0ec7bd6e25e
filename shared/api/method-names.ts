/**
 * The contract's method names without their schemas. A client needs only the names to call the
 * methods (the main process validates every payload); building the whole table of methods.ts
 * constructs every method's zod schemas, work the renderer's first paint would wait for (issue
 * 15). methods.ts checks at compile time that this list and its table name the same methods.
 */
export const METHOD_NAMES = [
  'encounter.save',
  'encounter.get',
  'encounter.revisions',
  'encounter.sign',
  'encounter.addAddendum',
  'encounter.search',
  'encounter.list',
  'encounter.patientTimeline',
  'app.status',
  'audit.verify',
  'audit.list',
  'profile.get',
  'profile.save',
  'settings.get',
  'settings.save',
  'backup.create',
  'backup.restore',
  'backup.progress',
  'data.exportJson',
  'data.exportFile',
  'data.progress',
  'data.importJson',
  'referral.suggest',
  'referral.preview',
  'referral.export',
  'referral.saveAs',
  'referral.open',
  'review.compare',
  'data.exportFhir',
  'data.importFhir',
] as const;

export type MethodName = (typeof METHOD_NAMES)[number];

const NAMES: ReadonlySet<string> = new Set(METHOD_NAMES);
export const isMethodName = (name: string): name is MethodName => NAMES.has(name);
