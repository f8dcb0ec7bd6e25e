/**
 * The clinical core: the knowledge base and the engine, pure TypeScript shared by the app, the
 * `assess` command and the tests. The part without the input schemas (core.ts) is what the
 * renderer's start-up imports.
 */
export * from './core.ts';
export { assess, assessForStorage } from './engine/assess.ts';
export { CaseError } from './engine/validate.ts';
export { formatReport } from './report.ts';
export type {
  Assessment,
  StoredAssessment,
  BasisItem,
  Citation,
  DifferentialEntry,
  Evidence,
  ImagingSuggestion,
  InvestigationSuggestion,
  RedFlagHit,
  Strength,
  Urgency,
  WellsDvt,
} from './assessment.ts';
export { Case, type CaseInput } from './case.ts';
export { FINDING_GROUPS } from './types.ts';
export type {
  BodyRegion,
  CauseDef,
  CitedText,
  Condition,
  ExternalReference,
  FindingDef,
  FindingGroup,
  FindingGroupDef,
  Icd10Code,
  ImagingDef,
  ImagingId,
  ImagingRuleDef,
  InvestigationDef,
  InvestigationId,
  InvestigationRuleDef,
  RedFlagDef,
  RedFlagCriterion,
  MustNotMissDef,
  WeightBasis,
  RuleDef,
  ScoreScale,
  SourceSection,
  TreatmentKind,
  WellsCriterionDef,
} from './types.ts';
