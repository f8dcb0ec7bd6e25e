import type { EncounterDraftInput } from '../../../shared/api/encounter.ts';
import { CAUSE_IDS, FINDING_IDS } from '../../../shared/clinical/vocabulary.ts';
import { prng, shuffle } from '../prng.ts';

export { prng };

/**
 * Reproducible encounters for tests and benchmarks of the history: the same seed gives the same
 * encounters. Patients come back several times (timelines), notes carry searchable words, findings
 * are drawn from the vocabulary. Test data only: the combinations are random, not clinical cases.
 */

const GIVEN = ['Ada', 'Bo', 'Chen', 'Dara', 'Emeka', 'Farah', 'Goran', 'Hana', 'Ivo', 'Jun', 'Kofi', 'Lena', 'Mateo', 'Nia', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sven', 'Tariq', 'Uma', 'Vera', 'Wen', 'Yusuf', 'Zoe'];
const FAMILY = ['Example', 'Okafor', 'Lindqvist', 'Moreau', 'Nakamura', 'Petrov', 'Quispe', 'Rahman', 'Silva', 'Tanaka', 'Umarov', 'Varga', 'Walsh', 'Xu', 'Young', 'Zielinski', 'Adeyemi', 'Bianchi', 'Castro', 'Dubois'];
const PARTS = ['calf', 'thigh', 'knee', 'heel', 'buttock'];
const NOTE_WORDS = ['walked', 'stairs', 'gardening', 'football', 'cycling', 'flight', 'office', 'lifting', 'swimming', 'hiking', 'driving', 'kneeling', 'running', 'dancing', 'yoga', 'tennis'];

export interface GeneratedEncounter {
  readonly draft: EncounterDraftInput;
  /** Sign it after saving (about two in three are signed). */
  readonly sign: boolean;
}

export interface GenerateOptions {
  readonly count: number;
  readonly seed?: number;
  /** About this many encounters per patient on average. */
  readonly perPatient?: number;
  /** The newest visit; the others spread over the two years before it. */
  readonly newest?: string;
  /**
   * Draw findings from this many distinct presentations rather than anew for each encounter, so
   * that large benchmarks share assessments (the store keeps each distinct assessment once).
   */
  readonly profiles?: number;
}

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

const sample = <T>(rand: () => number, list: readonly T[], n: number): T[] => shuffle(list, rand).slice(0, n);

export function generateEncounters(options: GenerateOptions): GeneratedEncounter[] {
  const rand = prng(options.seed ?? 7);
  const patients = Math.max(1, Math.round(options.count / (options.perPatient ?? 4)));
  const newest = Date.parse(options.newest ?? '2026-11-20T17:00:00.000Z');
  const span = 2 * 365 * 24 * 3600 * 1000;
  const out: GeneratedEncounter[] = [];
  for (let i = 0; i < options.count; i++) {
    const p = Math.floor(rand() * patients);
    const pr = prng(p + 1);
    const name = `${pick(pr, GIVEN)} ${pick(pr, FAMILY)}`;
    const birthYear = 1935 + Math.floor(pr() * 70);
    const birthDate = `${birthYear}-${String(1 + Math.floor(pr() * 12)).padStart(2, '0')}-${String(1 + Math.floor(pr() * 28)).padStart(2, '0')}`;
    const sex = pick(pr, ['female', 'male', 'female', 'male', 'other', 'unknown'] as const);
    const identifier = `MRN ${String(100000 + p).padStart(6, '0')}`;
    const fr = options.profiles === undefined ? rand : prng(10_000 + Math.floor(rand() * options.profiles));
    const chosen = sample(fr, FINDING_IDS, 3 + Math.floor(fr() * 6));
    const absent = sample(
      fr,
      FINDING_IDS.filter((f) => !chosen.includes(f)),
      Math.floor(fr() * 3),
    );
    const side = pick(rand, ['left', 'right', 'both'] as const);
    const days = 1 + Math.floor(rand() * 30);
    const seenAt = new Date(newest - Math.floor(rand() * span)).toISOString().replace(/\.\d{3}Z$/, '.000Z');
    const words = sample(rand, NOTE_WORDS, 3);
    out.push({
      sign: rand() < 0.67,
      draft: {
        seenAt,
        patient: { name, birthDate, sex, identifier },
        clinician: { name: 'Dr Sam Reyes', role: 'General practitioner' },
        complaint: `Pain at the back of the ${side === 'both' ? 'legs' : `${side} ${pick(rand, PARTS)}`} for ${days} days`,
        pain: { intensity: Math.floor(rand() * 11), duration: `${days} days`, side },
        findings: chosen,
        absent,
        notes: `Encounter ${i + 1}. Pain after ${words[0]} and ${words[1]}; usually enjoys ${words[2]}.`,
        workingDiagnosis: rand() < 0.6 ? pick(rand, CAUSE_IDS) : null,
        referral:
          rand() < 0.3
            ? {
                to: 'Vascular clinic',
                priority: pick(rand, ['routine', 'urgent', 'emergency'] as const),
                question: 'Please assess.',
                // Every other referral with the letter's choices (from the index: the random sequence stays as it was).
                ...(i % 2 === 0 ? { sections: { negatives: false, notes: true }, priorityChosen: true, differentialTop: 3, additions: `Letter ${i + 1}.` } : {}),
              }
            : null,
      },
    });
  }
  return out;
}
