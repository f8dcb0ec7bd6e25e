import type { EncounterStatus, EncounterSummary, SearchHit } from '../../../shared/api/encounter.ts';
import { stmt, type Db } from './database.ts';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from './encounters.ts';

/** Reading the history: full-text search, the filtered list and one patient's timeline. */

const MAX_TERMS = 16;

/**
 * Turns whatever the user typed into an FTS5 query that cannot be a syntax error: the words
 * (letters and digits, as the index's tokenizer splits them), each quoted and matched as a prefix,
 * all required. Returns null when there is no word to look for.
 */
export function ftsQuery(text: string): string | null {
  const words = text.normalize('NFKC').match(/[\p{L}\p{N}\p{M}]+/gu);
  if (words === null) return null;
  return words
    .slice(0, MAX_TERMS)
    .map((w) => `"${w}"*`)
    .join(' ');
}

export function search(db: Db, text: string, limit: number): SearchHit[] {
  const query = ftsQuery(text);
  if (query === null) return [];
  // Rank and snippet in the FTS query alone, so snippets are built for the rows returned only.
  const matches = stmt(
    db,
    `SELECT rowid AS n, snippet(encounter_search, -1, '[[', ']]', '…', 12) AS snippet
       FROM encounter_search WHERE encounter_search MATCH ? ORDER BY rank LIMIT ?`,
  ).all(query, limit) as { n: number; snippet: string | null }[];
  if (matches.length === 0) return [];
  const rows = stmt(db, `SELECT n, ${SUMMARY_COLUMNS} FROM encounters WHERE n IN (SELECT value FROM json_each(?))`).all(
    JSON.stringify(matches.map((m) => m.n)),
  ) as unknown as (SummaryRow & { n: number })[];
  const byN = new Map(rows.map((r) => [r.n, r]));
  const hits: SearchHit[] = [];
  for (const m of matches) {
    const row = byN.get(m.n);
    if (row !== undefined) hits.push({ ...toSummary(row), snippet: m.snippet ?? '' });
  }
  return hits;
}

export interface ListFilter {
  readonly limit: number;
  readonly offset: number;
  readonly status?: EncounterStatus | undefined;
  readonly cause?: string | undefined;
  readonly redFlags?: boolean | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly patientIdentifier?: string | undefined;
}

export function list(db: Db, f: ListFilter): { total: number; items: EncounterSummary[] } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (f.status !== undefined) {
    where.push('status = ?');
    params.push(f.status);
  }
  if (f.cause !== undefined) {
    where.push('(top_cause = ? OR working_diagnosis = ?)');
    params.push(f.cause, f.cause);
  }
  if (f.redFlags !== undefined) {
    where.push('has_red_flag = ?');
    params.push(f.redFlags ? 1 : 0);
  }
  if (f.from !== undefined) {
    where.push('seen_at_utc >= ?');
    params.push(new Date(f.from).toISOString());
  }
  if (f.to !== undefined) {
    where.push('seen_at_utc <= ?');
    params.push(new Date(f.to).toISOString());
  }
  if (f.patientIdentifier !== undefined) {
    where.push('patient_identifier = ? COLLATE NOCASE');
    params.push(f.patientIdentifier.trim());
  }
  const clause = where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`;
  const { total } = stmt(db, `SELECT count(*) AS total FROM encounters ${clause}`).get(...params) as { total: number };
  const items = stmt(db, `SELECT ${SUMMARY_COLUMNS} FROM encounters ${clause} ORDER BY seen_at_utc DESC, n DESC LIMIT ? OFFSET ?`)
    .all(...params, f.limit, f.offset)
    .map((row) => toSummary(row as unknown as SummaryRow));
  return { total, items };
}

export function patientTimeline(db: Db, identifier: string): EncounterSummary[] {
  return stmt(db, `SELECT ${SUMMARY_COLUMNS} FROM encounters WHERE patient_identifier = ? COLLATE NOCASE ORDER BY seen_at_utc, n`)
    .all(identifier.trim())
    .map((row) => toSummary(row as unknown as SummaryRow));
}
