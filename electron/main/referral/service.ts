import { createHash } from 'node:crypto';
import { unlink } from 'node:fs/promises';
import type { EncounterWithAddenda } from '../../../shared/api/encounter.ts';
import { ApiError } from '../../../shared/api/errors.ts';
import type { Services } from '../../../shared/api/methods.ts';
import type { ClinicianProfile } from '../../../shared/api/profile.ts';
import { ReferralOptions, type ReferralRequest } from '../../../shared/api/referral.ts';
import { joinWords } from './correspondence.ts';
import type { KnowledgeBaseLike } from './kb.ts';
import { referralKnowledgeBase } from './kb.ts';
import type { ReferralRenderer } from './render-worker.ts';
import { defaultWording, resolveReferral } from './wording.ts';
import { writeFileAtomic } from './write-atomic.ts';

/**
 * The referral methods of the contract: suggest (the form's defaults), preview (the PDF as
 * bytes) and export (the PDF written atomically, recorded in the audit log with its SHA-256).
 * Everything it needs comes in as arguments, so it runs under plain Node in tests.
 */

export type ReferralServices = Pick<Services, 'referral.suggest' | 'referral.preview' | 'referral.export'>;

export interface ReferralAuditEntry {
  readonly action: 'export';
  readonly encounterId: string;
  readonly detail: {
    readonly path: string;
    readonly sha256: string;
    readonly bytes: number;
    readonly pages: number;
    readonly revision: number;
    readonly priority: string;
    readonly status: string;
  };
}

export interface ReferralServiceDeps {
  /** The latest revision with its addenda; throws ApiError('not-found') for an unknown id. */
  getEncounter(id: string): EncounterWithAddenda | Promise<EncounterWithAddenda>;
  getProfile(): ClinicianProfile | null | Promise<ClinicianProfile | null>;
  /** Appends to the hash-chained audit log. */
  appendAudit(entry: ReferralAuditEntry): void | Promise<void>;
  readonly renderer: Pick<ReferralRenderer, 'render'> & Partial<Pick<ReferralRenderer, 'warm'>>;
  readonly kb: KnowledgeBaseLike;
  readonly appVersion: string;
  /** Time zone of the dates printed, unless the options name one; default: this computer's. */
  readonly timeZone?: string;
}

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The letter is prepared from the revision the clinician is looking at, or not at all (conflict). */
export function requireRevision(requested: number | undefined, current: number): void {
  if (requested !== undefined && requested !== current) {
    throw new ApiError(
      'conflict',
      `This encounter has changed since the referral was prepared (revision ${requested}, now ${current}). Review the latest version first.`,
    );
  }
}

export function createReferralService(deps: ReferralServiceDeps): ReferralServices {
  const kb = referralKnowledgeBase(deps.kb);
  const defaultTimeZone = deps.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;

  const load = async (request: Pick<ReferralRequest, 'id' | 'revision'>): Promise<EncounterWithAddenda> => {
    const encounter = await deps.getEncounter(request.id);
    requireRevision(request.revision, encounter.revision);
    return encounter;
  };

  const render = async (request: ReferralRequest) => {
    const encounter = await load(request);
    const options: ReferralOptions = { ...request.options, timeZone: request.options.timeZone ?? defaultTimeZone };
    const profile = await deps.getProfile();
    const { bytes, pages } = await deps.renderer.render({ encounter, profile, options, appVersion: deps.appVersion });
    return { encounter, options, bytes, pages, sha256: sha256Hex(bytes) };
  };

  return {
    async 'referral.suggest'({ id }) {
      // The referral form is opening: have the renderer ready by the time the clinician previews.
      deps.renderer.warm?.();
      const encounter = await load({ id });
      const resolved = resolveReferral(encounter, ReferralOptions.parse({}), kb);
      return {
        suggestedPriority: resolved.suggestion.priority,
        because: [...resolved.suggestion.because],
        options: ReferralOptions.parse({
          priority: resolved.priority,
          recipient: resolved.wording.recipient,
          reason: resolved.wording.reason,
          question: resolved.wording.question,
          treatmentTried: resolved.wording.treatmentTried,
          additions: resolved.additions,
          sections: resolved.sections,
          differentialTop: resolved.differentialTop,
          timeZone: defaultTimeZone,
        }),
        // The wording without the encounter's own: what an emptied field goes back to.
        defaults: { ...defaultWording({ ...encounter, referral: null }, kb) },
      };
    },

    async 'referral.preview'(request) {
      const { encounter, options, bytes, pages, sha256 } = await render(request);
      const { missing } = resolveReferral(encounter, options, kb);
      return { pdfBase64: Buffer.from(bytes).toString('base64'), pages, bytes: bytes.byteLength, sha256, missing: [...missing] };
    },

    async 'referral.export'(request) {
      // A letter that does not say to whom or why is not sent: checked before anything is rendered or written.
      const current = await load(request);
      const { missing } = resolveReferral(current, ReferralOptions.parse(request.options), kb);
      if (missing.length > 0) {
        throw new ApiError('invalid', `This letter cannot be saved for sending yet: add ${joinWords(missing)} first.`, missing[0]!.startsWith('the recipient') ? 'options.recipient' : 'options.reason');
      }
      const { encounter, options, bytes, pages, sha256 } = await render(request);
      await writeFileAtomic(request.path, bytes, { overwrite: request.overwrite });
      try {
        await deps.appendAudit({
          action: 'export',
          encounterId: encounter.id,
          detail: {
            path: request.path,
            sha256,
            bytes: bytes.byteLength,
            pages,
            revision: encounter.revision,
            priority: resolveReferral(encounter, options, kb).priority,
            status: encounter.status,
          },
        });
      } catch (e) {
        // Every referral that leaves the app is in the audit log: without the entry, no file.
        await unlink(request.path).catch(() => undefined);
        throw e instanceof ApiError ? e : new ApiError('internal', 'The referral was not saved because the audit log could not record it.');
      }
      return { path: request.path, sha256, bytes: bytes.byteLength, pages };
    },
  };
}
