import type { EncounterStatus, EncounterSummary, SearchHit } from '../../../shared/api/encounter.ts';
import { searchWords } from '../../../shared/review/search-words.ts';
import { stmt, type Db } from './database.ts';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from './encounters.ts';

/** Reading the history: full-text search, the filtered list and one patient's timeline. */

/**
 * Turns whatever the user typed into an FTS5 query that cannot be a syntax error: the words
 * (letters and digits, as the index's tokenizer splits them), each quoted and matched as a prefix,
 * all required. Returns null when there is no word to look for.
 */
export function ftsQuery(text: string): string | null {
  const words = searchWords(text);
  if (words.length === 0) return null;
  // A single letter matches as a word, not as the prefix of every word it starts.
  return words.map((w) => (w.length === 1 ? `"${w}"` : `"${w}"*`)).join(' ');
}

/**
 * Above this many matches only the most recently added ones are ranked. Ranking costs time in
 * proportion to the matches (about 50 ms for a word in most of 100,000 encounters, about 5 ms for
 * a thousand), while the best 50 of 70,000 matches of a common word say little; adding a word
 * narrows the matches and brings the whole history back into the ranking.
 */
export const RANK_WINDOW = 1000;

/** Column weights of the ranking: a match on the patient counts most, then diagnoses, complaint, findings, notes. */
export const BM25_WEIGHTS = '10.0, 10.0, 4.0, 1.0, 2.0, 3.0';

export function search(db: Db, text: string, limit: number, window = RANK_WINDOW): SearchHit[] {
  const query = ftsQuery(text);
  if (query === null) return [];
  // Scored within the window of newest matches (FTS5 walks the doclists in rowid order and stops
  // there), without snippets: a snippet costs about as much as a score, and only `limit` of the
  // window are shown. Measured over every keystroke of the history benchmark's words at 100,000
  // encounters, this and the snippets below take 7.3 ms at the median, 29 at p95; one query
  // scoring and making snippets for the whole window took 9.6 and 38 ms.
  const ranked = stmt(
    db,
    `SELECT n FROM (SELECT rowid AS n, bm25(encounter_search, ${BM25_WEIGHTS}) AS score
                      FROM encounter_search WHERE encounter_search MATCH ? ORDER BY rowid DESC LIMIT ?)
      ORDER BY score, n DESC LIMIT ?`,
  ).all(query, window, limit) as { n: number }[];
  if (ranked.length === 0) return [];
  const shown = JSON.stringify(ranked.map((r) => r.n));
  // The unary plus keeps the list out of FTS5's plan: as a rowid constraint it would run the MATCH
  // once per row (about 40 times slower); as a filter, one pass over the window in rowid order.
  const snippets = stmt(
    db,
    `SELECT rowid AS n, snippet(encounter_search, -1, '[[', ']]', '…', 12) AS snippet
       FROM encounter_search WHERE encounter_search MATCH ? AND +rowid IN (SELECT value FROM json_each(?))
      ORDER BY rowid DESC LIMIT ?`,
  ).all(query, shown, ranked.length) as { n: number; snippet: string | null }[];
  const snippetOf = new Map(snippets.map((s) => [s.n, s.snippet ?? '']));
  const rows = stmt(db, `SELECT n, ${SUMMARY_COLUMNS} FROM encounters WHERE n IN (SELECT value FROM json_each(?))`).all(shown) as unknown as (SummaryRow & { n: number })[];
  const byN = new Map(rows.map((r) => [r.n, r]));
  const hits: SearchHit[] = [];
  for (const { n } of ranked) {
    const row = byN.get(n);
    if (row !== undefined) hits.push({ ...toSummary(row), snippet: snippetOf.get(n) ?? '' });
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
  const and = where.map((w) => ` AND ${w}`).join('');
  const order = `ORDER BY seen_at_utc DESC, n DESC LIMIT ? OFFSET ?`;
  const columns = `n, seen_at_utc, ${SUMMARY_COLUMNS}`;
  let total: number;
  let rows: unknown[];
  if (f.cause === undefined) {
    const clause = where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`;
    total = (stmt(db, `SELECT count(*) AS total FROM encounters ${clause}`).get(...params) as { total: number }).total;
    rows = stmt(db, `SELECT ${columns} FROM encounters ${clause} ${order}`).all(...params, f.limit, f.offset);
  } else {
    // Top cause or working diagnosis: two index scans in date order, merged; counted without overlap.
    const c = f.cause;
    total = (
      stmt(
        db,
        `SELECT (SELECT count(*) FROM encounters WHERE top_cause = ?${and})
              + (SELECT count(*) FROM encounters WHERE working_diagnosis = ? AND top_cause IS NOT ?${and}) AS total`,
      ).get(c, ...params, c, c, ...params) as { total: number }
    ).total;
    rows = stmt(
      db,
      `SELECT ${columns} FROM encounters WHERE top_cause = ?${and}
       UNION
       SELECT ${columns} FROM encounters WHERE working_diagnosis = ?${and}
       ${order}`,
    ).all(c, ...params, c, ...params, f.limit, f.offset);
  }
  return { total, items: rows.map((row) => toSummary(row as SummaryRow)) };
}

export function patientTimeline(db: Db, identifier: string): EncounterSummary[] {
  return stmt(db, `SELECT ${SUMMARY_COLUMNS} FROM encounters WHERE patient_identifier = ? COLLATE NOCASE ORDER BY seen_at_utc, n`)
    .all(identifier.trim())
    .map((row) => toSummary(row as unknown as SummaryRow));
}
