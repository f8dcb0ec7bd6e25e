import { describe, expect, it } from 'vitest';
import { ReferralOptions, ReferralSections, effectivePriority, resolveSections, suggestPriority } from '../../../shared/api/referral.ts';

/** The referral form's options as the contract checks them, with the words the form shows, and the priority rules worked by hand. */

const issue = (input: unknown): { message: string; path: string } | null => {
  const parsed = ReferralOptions.safeParse(input);
  if (parsed.success) return null;
  const first = parsed.error.issues[0]!;
  return { message: first.message, path: first.path.join('.') };
};

describe('referral options', () => {
  it('are complete when empty: every section printed', () => {
    expect(ReferralSections.parse({})).toEqual({
      history: true,
      findings: true,
      negatives: true,
      redFlags: true,
      differential: true,
      wells: true,
      imaging: true,
      treatment: true,
      notes: true,
      signature: true,
    });
    expect(resolveSections()).toEqual(ReferralSections.parse({}));
    // This letter's choice first, then the encounter's, then printed.
    expect(resolveSections({ imaging: false }, { imaging: true, notes: false })).toMatchObject({ imaging: false, notes: false, history: true });
  });

  it('refuse a differential of no cause or more than ten, in the form’s words', () => {
    expect(issue({ differentialTop: 0 })).toEqual({ message: 'List at least one cause', path: 'differentialTop' });
    expect(issue({ differentialTop: 11 })).toEqual({ message: 'List at most ten causes', path: 'differentialTop' });
    expect(issue({ differentialTop: 1 })).toBeNull();
    expect(issue({ differentialTop: 10 })).toBeNull();
  });

  it('refuse text over its length, saying the limit', () => {
    expect(issue({ recipient: 'x'.repeat(301) })).toEqual({ message: 'Keep this under 300 characters', path: 'recipient' });
    expect(issue({ reason: 'x'.repeat(4001) })).toEqual({ message: 'Keep this under 4000 characters', path: 'reason' });
    expect(issue({ recipient: 'x'.repeat(300) })).toBeNull();
  });

  it('take a real IANA time zone and refuse an invented one', () => {
    expect(issue({ timeZone: 'Europe/London' })).toBeNull();
    expect(issue({ timeZone: 'Pacific/Chatham' })).toBeNull();
    expect(issue({ timeZone: 'Mars/Olympus_Mons' })).toEqual({ message: 'Unknown time zone', path: 'timeZone' });
    expect(issue({ timeZone: 'Europe/Londn' })).toEqual({ message: 'Unknown time zone', path: 'timeZone' });
  });

  it('take a letter date with a time zone offset, not one without', () => {
    expect(issue({ printedAt: '2026-11-25T10:30:00+01:00' })).toBeNull();
    expect(issue({ printedAt: '2026-11-25T10:30:00Z' })).toBeNull();
    expect(issue({ printedAt: '25/11/2026' })?.path).toBe('printedAt');
  });
});

describe('the referral priority', () => {
  const flag = (urgency: 'emergency' | 'urgent', label: string) => ({ urgency, label });
  const study = (urgency: 'emergency' | 'urgent' | 'routine', label: string) => ({ urgency, label });

  it('is an emergency when a red flag or a study is, naming each', () => {
    const s = suggestPriority({ redFlags: [flag('urgent', 'Suspected DVT')], imaging: [study('emergency', 'CT angiography'), study('urgent', 'Doppler ultrasound')] } as never);
    expect(s).toEqual({ priority: 'emergency', because: ['Emergency CT angiography'] });
    expect(suggestPriority({ redFlags: [flag('emergency', 'Acute limb ischaemia')], imaging: [] } as never)).toEqual({ priority: 'emergency', because: ['Acute limb ischaemia'] });
  });

  it('is urgent when the most a flag or study calls for is urgent, routine otherwise', () => {
    expect(suggestPriority({ redFlags: [flag('urgent', 'Suspected DVT')], imaging: [study('urgent', 'Doppler ultrasound'), study('routine', 'X-ray')] } as never)).toEqual({
      priority: 'urgent',
      because: ['Suspected DVT', 'Urgent Doppler ultrasound'],
    });
    expect(suggestPriority({ redFlags: [], imaging: [study('routine', 'X-ray')] } as never)).toEqual({ priority: 'routine', because: [] });
  });

  it('follows the clinician’s choice, else never falls below the suggestion for a stored default', () => {
    expect(effectivePriority('emergency', 'routine', undefined)).toBe('emergency');
    expect(effectivePriority('routine', 'urgent', undefined)).toBe('urgent');
    expect(effectivePriority('urgent', undefined, undefined)).toBe('urgent');
    expect(effectivePriority('emergency', 'routine', 'routine')).toBe('routine');
  });
});
