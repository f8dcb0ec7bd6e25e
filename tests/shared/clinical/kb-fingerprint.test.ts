import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KB_VERSION, assess, knowledgeBase } from '../../../shared/clinical/index.ts';
import { prng } from '../prng.ts';
import { repoRoot } from './helpers.ts';

/**
 * Hazard H4 (stale knowledge base): every stored assessment carries KB_VERSION, and the review screen
 * tells an older assessment from today's by that version alone. That only works if the version
 * changes whenever what the engine answers changes. This test pins, for each version, a fingerprint
 * of the knowledge-base data and one of the engine's answers to a fixed set of cases; a change to
 * either under the same version fails here until it is reviewed and recorded
 * (shared/clinical/safety/README.md).
 */

const recordPath = join(repoRoot, 'shared', 'clinical', 'safety', 'kb-fingerprints.json');
type Fingerprint = { knowledgeBase: string; behaviour: string };
const recorded = JSON.parse(readFileSync(recordPath, 'utf8')) as Record<string, Fingerprint>;

/** JSON with object keys sorted, so the fingerprint does not depend on property order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined && typeof v !== 'function');
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The knowledge base as data, without its version (which is what the fingerprint is recorded under). */
function knowledgeBaseFingerprint(): string {
  const { version: _version, ...data } = knowledgeBase;
  return sha256(canonical(data));
}

/** 300 cases drawn with a fixed seed from the whole vocabulary: findings present, absent, age and sex. */
function fixedCases(): { findings: string[]; absent: string[]; age?: number; sex?: 'female' | 'male' }[] {
  const random = prng(20261205);
  const ids = knowledgeBase.findings.map((f) => f.id);
  return Array.from({ length: 300 }, () => {
    const picked = new Set<string>();
    const n = Math.floor(random() * 14);
    while (picked.size < n) picked.add(ids[Math.floor(random() * ids.length)]!);
    const findings: string[] = [];
    const absent: string[] = [];
    for (const id of picked) (random() < 0.7 ? findings : absent).push(id);
    const r = random();
    return r < 0.5 ? { findings, absent } : { findings, absent, age: 18 + Math.floor(random() * 70), sex: r < 0.75 ? 'female' : 'male' };
  });
}

function behaviourFingerprint(): string {
  return sha256(fixedCases().map((c) => canonical(assess(c))).join('\n'));
}

describe('knowledge-base version and fingerprint (hazard H4)', () => {
  it('records a fingerprint for the current knowledge-base version', () => {
    expect(Object.keys(recorded), `add "${KB_VERSION}" to ${recordPath}`).toContain(KB_VERSION);
  });

  it('changes the knowledge-base version whenever the knowledge base or the engine’s answers change', () => {
    const now: Fingerprint = { knowledgeBase: knowledgeBaseFingerprint(), behaviour: behaviourFingerprint() };
    const how =
      `The knowledge base or the engine's answers changed under version ${KB_VERSION}. If that version ever reached a ` +
      `user (a stored assessment may carry it), bump KB_VERSION; after the review (shared/clinical/safety/README.md) ` +
      `record ${JSON.stringify(now)} under the version in shared/clinical/safety/kb-fingerprints.json.`;
    expect(now, how).toEqual(recorded[KB_VERSION]);
  });

  it('keeps one fingerprint per version: no two versions share knowledge-base data', () => {
    const prints = Object.values(recorded).map((f) => f.knowledgeBase);
    expect(new Set(prints).size).toBe(prints.length);
    for (const f of Object.values(recorded)) {
      expect(f.knowledgeBase).toMatch(/^[0-9a-f]{64}$/);
      expect(f.behaviour).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('the fingerprints notice a changed weight and a changed answer (the check can fail)', () => {
    const before = { knowledgeBase: knowledgeBaseFingerprint(), behaviour: behaviourFingerprint() };
    const rule = knowledgeBase.rules[0] as { weight: number };
    const weight = rule.weight;
    try {
      rule.weight = weight + 0.5;
      expect(knowledgeBaseFingerprint()).not.toBe(before.knowledgeBase);
      expect(behaviourFingerprint()).not.toBe(before.behaviour);
    } finally {
      rule.weight = weight;
    }
    expect({ knowledgeBase: knowledgeBaseFingerprint(), behaviour: behaviourFingerprint() }).toEqual(before);
    expect(canonical({ b: 1, a: [1, { d: 2, c: 3 }] })).toBe('{"a":[1,{"c":3,"d":2}],"b":1}');
  });
});
