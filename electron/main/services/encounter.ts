import { randomUUID } from 'node:crypto';
import { ApiError } from '../../../shared/api/errors.ts';
import type { Services } from '../../../shared/api/methods.ts';
import { appendAudit } from '../store/audit.ts';
import { addendumContentHash, newRevisionContentHash } from '../store/content-hash.ts';
import { inTransaction } from '../store/database.ts';
import {
  addAddendum,
  appendRevision,
  insertEncounter,
  markSigned,
  pickFields,
  readEncounter,
  readRevisions,
  type Fields,
} from '../store/encounters.ts';
import { list, patientTimeline, search } from '../store/queries.ts';
import { assessEncounter } from './assessment.ts';
import { requireHead, whoIs, type ServiceContext } from './context.ts';

type EncounterMethod =
  | 'encounter.save'
  | 'encounter.get'
  | 'encounter.revisions'
  | 'encounter.sign'
  | 'encounter.addAddendum'
  | 'encounter.search'
  | 'encounter.list'
  | 'encounter.patientTimeline';

const lockedError = (): ApiError =>
  new ApiError('locked', 'This encounter is signed and can no longer be changed; add an addendum instead.');

/**
 * Encounters: create, revise, sign, add addenda, read and search. The rules of
 * spec/encounter-api.md apply in order: invalid input (checked by the caller's schema, then the
 * assessment's own checks), unknown id, signed (locked), stale base revision (conflict). Each
 * change is one transaction together with its audit entry.
 */
export function encounterServices(ctx: ServiceContext): Pick<Services, EncounterMethod> {
  const at = (): string => ctx.now().toISOString();

  return {
    'encounter.save'(draft) {
      const { id, baseRevision } = draft;
      const fields = pickFields(draft as Fields);
      const assessment = assessEncounter(fields);
      const db = ctx.store.db;
      const savedAt = at();
      return inTransaction(db, () => {
        const savedBy = whoIs(db);
        if (id === undefined) {
          const newId = randomUUID();
          const first = { revision: 1, savedAt, savedBy, fields, assessment };
          insertEncounter(db, {
            id: newId,
            createdAt: savedAt,
            status: 'draft',
            signedRevision: null,
            signedAt: null,
            signedBy: null,
            revisions: [first],
            addenda: [],
          });
          const content = newRevisionContentHash(newId, first);
          appendAudit(db, { at: savedAt, who: savedBy, action: 'create', encounterId: newId, detail: { revision: 1, content } });
          return { id: newId, revision: 1, assessment };
        }
        const head = requireHead(db, id);
        if (head.status === 'signed') throw lockedError();
        if (baseRevision !== head.revision) {
          throw new ApiError(
            'conflict',
            `This encounter was saved elsewhere since you opened it (it is now at revision ${head.revision}; your changes were made to revision ${baseRevision}). Nothing was saved: reload it and make your changes again.`,
            'baseRevision',
          );
        }
        const revision = head.revision + 1;
        const next = { revision, savedAt, savedBy, fields, assessment };
        appendRevision(db, head, next);
        appendAudit(db, { at: savedAt, who: savedBy, action: 'save', encounterId: id, detail: { revision, content: newRevisionContentHash(id, next) } });
        return { id, revision, assessment };
      });
    },

    'encounter.get'({ id }) {
      const db = ctx.store.db;
      return readEncounter(db, requireHead(db, id));
    },

    'encounter.revisions'({ id }) {
      const db = ctx.store.db;
      return readRevisions(db, requireHead(db, id));
    },

    'encounter.sign'({ id, baseRevision }) {
      const db = ctx.store.db;
      const signedAt = at();
      return inTransaction(db, () => {
        const head = requireHead(db, id);
        if (head.status === 'signed') throw lockedError();
        if (baseRevision !== head.revision) {
          throw new ApiError(
            'conflict',
            `This encounter was saved elsewhere since you opened it (it is now at revision ${head.revision}). Nothing was signed: reload it, check it and sign again.`,
            'baseRevision',
          );
        }
        const by = whoIs(db);
        markSigned(db, head, signedAt, by);
        appendAudit(db, { at: signedAt, who: by, action: 'sign', encounterId: id, detail: { revision: head.revision } });
        return readEncounter(db, requireHead(db, id));
      });
    },

    'encounter.addAddendum'({ id, text }) {
      const db = ctx.store.db;
      const createdAt = at();
      return inTransaction(db, () => {
        const head = requireHead(db, id);
        if (head.status !== 'signed') {
          throw new ApiError('invalid', 'This encounter is still a draft: change it and save it. Addenda are for signed encounters.', 'id');
        }
        const author = whoIs(db);
        const addendum = { id: randomUUID(), text, createdAt, author };
        addAddendum(db, head, addendum);
        const content = addendumContentHash(id, addendum);
        appendAudit(db, { at: createdAt, who: author, action: 'addendum', encounterId: id, detail: { addendum: addendum.id, content } });
        return addendum;
      });
    },

    'encounter.search': ({ query, limit }) => search(ctx.store.db, query, limit),
    'encounter.list': (filter) => list(ctx.store.db, filter),
    'encounter.patientTimeline': ({ identifier }) => patientTimeline(ctx.store.db, identifier),
  };
}
