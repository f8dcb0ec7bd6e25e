import { defineStore } from 'pinia';
import { computed, reactive, ref, shallowRef, triggerRef } from 'vue';
import type { EncounterStatus, EncounterSummary, SearchHit } from '../../../../shared/api/encounter.ts';
import { searchKey } from '../../../../shared/review/search-words.ts';
import { api, plainError, type PlainError } from '../../common/api.ts';

/**
 * The history: every encounter, newest first, in pages fetched as the list scrolls; or, while
 * the search box has text, the best full-text matches. Filters apply to both (the list asks the
 * store for them; search hits carry what is needed to filter them here).
 */

export const PAGE_SIZE = 100;
/** The most matches a search shows; the contract allows 200. */
export const SEARCH_LIMIT = 200;

export interface HistoryFilters {
  status: EncounterStatus | '';
  cause: string;
  /** '' any, 'with' red flags only, 'without' none raised. */
  redFlags: '' | 'with' | 'without';
  /** Calendar dates (YYYY-MM-DD) from date inputs, local time, inclusive. */
  from: string;
  to: string;
}

export type HistoryRow = EncounterSummary & { readonly snippet?: string };

const emptyFilters = (): HistoryFilters => ({ status: '', cause: '', redFlags: '', from: '', to: '' });

/** The instant a local calendar day starts (date inputs give local dates). */
const dayStart = (ymd: string): string => new Date(`${ymd}T00:00:00`).toISOString();
/** The last millisecond of a local calendar day, so "to" includes that whole day. */
const dayEnd = (ymd: string): string => new Date(new Date(`${ymd}T00:00:00`).getTime() + 86_400_000 - 1).toISOString();

export const useHistoryStore = defineStore('history', () => {
  const query = ref('');
  const filters = reactive<HistoryFilters>(emptyFilters());
  const error = ref<PlainError | null>(null);

  // List mode: the total and the pages fetched so far. Pages are kept in a shallow map so that
  // 100,000 rows never become deeply reactive; triggerRef repaints when a page arrives.
  const total = ref(0);
  const pages = shallowRef(new Map<number, HistoryRow[]>());
  const pending = new Set<number>();
  /** Bumped whenever the list is invalidated (filters change), so late pages of an old list are dropped. */
  let listGeneration = 0;
  const listLoaded = ref(false);

  // Search mode: the hits of the latest query answered, and the query they answer.
  const hits = shallowRef<SearchHit[]>([]);
  const hitsFor = ref('');
  const searching = ref(false);
  let inFlight: Promise<void> | null = null;
  let queued: string | null = null;
  /** What the hits on screen search for (searchKey), or null when none answer the box. */
  let answeredKey: string | null = null;

  const searchMode = computed(() => query.value.trim() !== '');

  function listInput(offset: number) {
    return {
      limit: PAGE_SIZE,
      offset,
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.cause ? { cause: filters.cause } : {}),
      ...(filters.redFlags ? { redFlags: filters.redFlags === 'with' } : {}),
      ...(filters.from ? { from: dayStart(filters.from) } : {}),
      ...(filters.to ? { to: dayEnd(filters.to) } : {}),
    };
  }

  async function loadPage(page: number): Promise<void> {
    if (pages.value.has(page) || pending.has(page)) return;
    pending.add(page);
    const generation = listGeneration;
    try {
      const result = await api.encounter.list(listInput(page * PAGE_SIZE));
      if (generation !== listGeneration) return;
      total.value = result.total;
      pages.value.set(page, result.items);
      triggerRef(pages);
      listLoaded.value = true;
      error.value = null;
    } catch (e) {
      if (generation === listGeneration) error.value = plainError(e);
    } finally {
      pending.delete(page);
    }
  }

  /** Makes sure the rows first..last (inclusive) are fetched. */
  function ensureRows(first: number, last: number): void {
    if (searchMode.value) return;
    for (let p = Math.floor(Math.max(0, first) / PAGE_SIZE); p <= Math.floor(Math.max(0, last) / PAGE_SIZE); p++) void loadPage(p);
  }

  function resetList(): Promise<void> {
    // The history may have changed since the hits were fetched: the next search asks again.
    answeredKey = null;
    listGeneration++;
    pages.value = new Map();
    pending.clear();
    listLoaded.value = false;
    return loadPage(0);
  }

  const filteredHits = computed(() => {
    // The date bounds once per filtering, not once per hit.
    const from = filters.from ? Date.parse(dayStart(filters.from)) : -Infinity;
    const to = filters.to ? Date.parse(dayEnd(filters.to)) : Infinity;
    return hits.value.filter((h) => {
      if (filters.status && h.status !== filters.status) return false;
      if (filters.cause && h.topCause !== filters.cause && h.workingDiagnosis !== filters.cause) return false;
      if (filters.redFlags === 'with' && h.redFlags.length === 0) return false;
      if (filters.redFlags === 'without' && h.redFlags.length > 0) return false;
      const seen = Date.parse(h.seenAt);
      return !(seen < from || seen > to);
    });
  });

  /**
   * Runs the search for the current text. One request at a time: while one is out, only the newest
   * text waits, so fast typing never builds a queue and the last keystroke is always answered. A
   * text that searches for the same words as the hits on screen (a space typed between words, a
   * comma, a capital) is answered by them, without asking again.
   */
  function search(): Promise<void> {
    queued = query.value.trim();
    if (inFlight) return inFlight;
    const run = async (): Promise<void> => {
      while (queued !== null) {
        const q = queued;
        queued = null;
        if (q === '') {
          hits.value = [];
          hitsFor.value = '';
          answeredKey = null;
          continue;
        }
        const key = searchKey(q);
        if (key === answeredKey) {
          hitsFor.value = q;
          // What is on screen answers this text: a failure of a text typed since no longer applies.
          error.value = null;
          continue;
        }
        searching.value = true;
        try {
          const result = await api.encounter.search({ query: q, limit: SEARCH_LIMIT });
          hits.value = result;
          hitsFor.value = q;
          answeredKey = key;
          error.value = null;
        } catch (e) {
          error.value = plainError(e);
        } finally {
          searching.value = false;
        }
      }
    };
    inFlight = run().finally(() => {
      inFlight = null;
    });
    return inFlight;
  }

  function setQuery(text: string): Promise<void> {
    query.value = text;
    return search();
  }

  function setFilters(patch: Partial<HistoryFilters>): Promise<void> {
    Object.assign(filters, patch);
    return resetList();
  }

  function clearFilters(): Promise<void> {
    return setFilters(emptyFilters());
  }

  /** The row at a position of what is shown (list or search), or undefined while its page loads. */
  function rowAt(index: number): HistoryRow | undefined {
    if (searchMode.value) return filteredHits.value[index];
    return pages.value.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  }

  const count = computed(() => (searchMode.value ? filteredHits.value.length : total.value));
  const activeFilters = computed(() => Object.values(filters).filter((v) => v !== '').length);

  return {
    query,
    filters,
    error,
    total,
    pages,
    listLoaded,
    hits,
    hitsFor,
    searching,
    searchMode,
    filteredHits,
    count,
    activeFilters,
    ensureRows,
    resetList,
    setQuery,
    setFilters,
    clearFilters,
    rowAt,
  };
});
