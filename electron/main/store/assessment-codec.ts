import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { StoredAssessment } from '../../../shared/clinical/assessment.ts';
import { assessForStorage, KB_VERSION } from '../../../shared/clinical/index.ts';
import { FINDING_IDS } from '../../../shared/clinical/vocabulary.ts';
import { stmt, type Db } from './database.ts';

/**
 * Stored assessments, compressed. An assessment is about 8 KB of JSON, mostly the knowledge base's
 * own words (labels, reasons, citations) repeated from one encounter to the next; deflate with a
 * preset dictionary made of those words stores it in about 0.5 KB. The dictionary is kept in the
 * database beside the assessments it compressed, so they decode forever, whatever the knowledge
 * base becomes. Identical assessments are stored once, keyed by the SHA-256 of their JSON.
 */

/** deflate looks back at most 32 KB: a longer dictionary would be cut anyway. */
const DICTIONARY_BYTES = 32 * 1024;

/** The dictionary of a knowledge base: the engine's output for every finding present, then every finding absent. */
export function buildDictionary(): Buffer {
  const ids = [...FINDING_IDS];
  const present = JSON.stringify(assessForStorage({ findings: ids, absent: [], age: 50, sex: 'unknown' }));
  const absent = JSON.stringify(assessForStorage({ findings: [], absent: ids, age: 50, sex: 'unknown' }));
  const all = Buffer.from(present + absent, 'utf8');
  return all.subarray(Math.max(0, all.length - DICTIONARY_BYTES));
}

const cache = new WeakMap<Db, Map<number, Buffer>>();

function dictionaryById(db: Db, id: number): Buffer {
  let byId = cache.get(db);
  if (byId === undefined) cache.set(db, (byId = new Map()));
  let dict = byId.get(id);
  if (dict === undefined) {
    const row = stmt(db, 'SELECT dict FROM assessment_dictionaries WHERE id = ?').get(id) as { dict: Uint8Array } | undefined;
    if (row === undefined) throw new Error(`assessment dictionary ${id} is missing`);
    dict = Buffer.from(row.dict);
    byId.set(id, dict);
  }
  return dict;
}

/** The dictionary of today's knowledge base, stored on first use (inside the caller's transaction). */
function currentDictionary(db: Db): { id: number; dict: Buffer } {
  const row = stmt(db, 'SELECT id FROM assessment_dictionaries WHERE built_from = ?').get(KB_VERSION) as { id: number } | undefined;
  if (row !== undefined) return { id: row.id, dict: dictionaryById(db, row.id) };
  const dict = buildDictionary();
  const { id } = stmt(db, 'INSERT INTO assessment_dictionaries (built_from, dict) VALUES (?, ?) RETURNING id').get(KB_VERSION, dict) as {
    id: number;
  };
  return { id, dict };
}

export const assessmentHash = (json: string): string => createHash('sha256').update(json).digest('hex');

/** An assessment's JSON compressed with today's dictionary. */
export function compressAssessment(db: Db, json: string): { dictionaryId: number; body: Buffer } {
  const { id, dict } = currentDictionary(db);
  return { dictionaryId: id, body: deflateRawSync(json, { dictionary: dict }) };
}

/** Stores an assessment's JSON (once per distinct content); returns the key revisions refer to. */
export function storeAssessmentJson(db: Db, json: string, knowledgeBase: string): string {
  const hash = assessmentHash(json);
  if (stmt(db, 'SELECT 1 FROM assessments WHERE hash = ?').get(hash) !== undefined) return hash;
  const { dictionaryId, body } = compressAssessment(db, json);
  stmt(db, 'INSERT INTO assessments (hash, knowledge_base, dictionary_id, body) VALUES (?, ?, ?, ?)').run(hash, knowledgeBase, dictionaryId, body);
  return hash;
}

export const storeAssessment = (db: Db, assessment: StoredAssessment): string =>
  storeAssessmentJson(db, JSON.stringify(assessment), assessment.knowledgeBase);

export function decodeAssessment(db: Db, dictionaryId: number | null, body: Uint8Array): string {
  const options = dictionaryId === null ? {} : { dictionary: dictionaryById(db, dictionaryId) };
  return inflateRawSync(body, options).toString('utf8');
}
