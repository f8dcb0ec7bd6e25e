import type { Db } from '../database.ts';

/**
 * The search index stops merging its segments inside commits (FTS5's 'automerge', which made one
 * save in every few write and fsync hundreds of extra pages); the store's maintenance merges them
 * after saves instead (maintenance.ts). 'crisismerge', the merge FTS5 still forces inside a
 * commit once a level holds that many segments, goes from 16 to 64, well above the 32 commits
 * between two maintenance runs, so it stays a last resort. Both are settings FTS5 keeps in its
 * own table; the index itself is unchanged.
 */
export const SEARCH_CRISIS_MERGE = 64;

export function up(db: Db): void {
  db.exec(`
    INSERT INTO encounter_search (encounter_search, rank) VALUES ('automerge', 0);
    INSERT INTO encounter_search (encounter_search, rank) VALUES ('crisismerge', ${SEARCH_CRISIS_MERGE});
  `);
}
