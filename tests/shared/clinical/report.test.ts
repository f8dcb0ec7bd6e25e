import { beforeEach, describe, expect, it } from 'vitest';
import { assess, assessForStorage, formatReport, knowledgeBase } from '../../../shared/clinical/index.ts';

/** The readable report: what a clinician reads in a terminal. Checked by structure, not by snapshot. */

const dvtWithPe = {
  findings: ['loc-calf', 'unilateral', 'calf-swelling', 'ex-pitting-edema', 'ex-calf-swelling-3cm', 'rf-long-travel-or-immobility', 'dyspnea-or-chest-pain'],
  absent: ['bruising-calf-ankle'],
};

const sectionOf = (report: string, heading: string, next: string): string => report.slice(report.indexOf(heading), report.indexOf(next));

describe('formatReport', () => {
  // Made in each test, not once while the file is collected: mutation testing (npm run mutate)
  // then knows which test ran which code, and tries each mutant on those tests only.
  let report: string;
  beforeEach(() => {
    report = formatReport(assessForStorage(dvtWithPe));
  });

  it('puts the red flags first, emergencies first, before the differential', () => {
    const flags = report.indexOf('RED FLAGS');
    expect(flags).toBeGreaterThan(-1);
    expect(flags).toBeLessThan(report.indexOf('DIFFERENTIAL'));
    expect(report.indexOf('[EMERGENCY] Possible pulmonary embolism')).toBeLessThan(report.indexOf('[URGENT] Suspected deep vein thrombosis'));
  });

  it('lists every cause once, in rank order, with its basis and citations', () => {
    const differential = sectionOf(report, 'DIFFERENTIAL', 'IMAGING');
    const positions = assess(dvtWithPe).differential.map((d) => {
      const line = `  ${d.rank}. ${d.label}`;
      expect(differential.split(line).length - 1, d.cause).toBe(1);
      return differential.indexOf(line);
    });
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(positions).toHaveLength(knowledgeBase.causes.length);
    expect(differential).toContain('+ Swelling of the calf or leg (+2.5): Swelling of the calf or leg is typical of DVT [source: Common causes 3]');
    expect(differential).toContain('- Absent: Bruising spreading down the calf toward the ankle (-0.5)');
    expect(differential).toContain('[must not miss]');
  });

  it('shows imaging, investigations and every Wells criterion with the next step', () => {
    expect(sectionOf(report, 'IMAGING', 'OTHER INVESTIGATIONS')).toMatch(/Doppler ultrasound: URGENT, for DVT\n {4}Why: /);
    const wells = report.slice(report.indexOf('WELLS SCORE'));
    expect(wells).toMatch(/^WELLS SCORE FOR DVT \(two-level\): 2 points, DVT likely/);
    expect(wells.match(/^ {2}\[[x ]\] [+-]\d /gm)).toHaveLength(knowledgeBase.wells.criteria.length);
    expect(wells).toContain('Next step: DVT likely');
    // How the alternative item was proposed, in words, since the clinician may confirm or override it.
    expect(wells).toMatch(/\(The alternative-diagnosis item: suggested when another cause, scored on every finding except the Wells items, .*; the clinician confirms or overrides it\.\)/);
  });

  it('says so when nothing is raised or suggested, and names the knowledge base', () => {
    const quiet = formatReport(assessForStorage({ findings: ['loc-posterior-thigh'] }));
    expect(quiet).toContain('RED FLAGS\n  None raised by the recorded findings.');
    expect(quiet).toContain('IMAGING\n  None suggested by the recorded findings.');
    expect(quiet).toContain(`Knowledge base ${knowledgeBase.version}`);
  });

  it('is the same text for the same assessment', () => {
    expect(formatReport(assess(dvtWithPe))).toBe(formatReport(assess(dvtWithPe)));
  });

  it('carries one urgency everywhere: the emergency flag, its criterion and its emergency MRI', () => {
    const text = formatReport(assess({ findings: ['loc-lower-back', 'radiates-from-back', 'radiates-below-knee', 'bilateral', 'bilateral-neuro-deficit'] }));
    expect(text).toContain('[EMERGENCY] Possible cauda equina syndrome');
    expect(text).toContain('Criterion met (emergency): New numbness or weakness in both legs');
    expect(text).toMatch(/MRI: EMERGENCY, for Sciatica/);
    // Nothing raises the question of DVT: one line, no score, no next step from it.
    expect(text).toContain('WELLS SCORE FOR DVT (two-level): The Wells score does not apply: nothing recorded raises the question of DVT.');
    expect(text).not.toMatch(/points, DVT unlikely/);
  });

  it('says "no findings recorded" instead of a score for a cause nothing bears on, and explains the strength words once', () => {
    const text = formatReport(assess({ findings: ['loc-achilles', 'ex-thompson-positive'] }));
    expect(text).toMatch(/\. Sciatica \(.*\): no findings recorded/);
    expect(text).toMatch(/Achilles tendon rupture: score 0\.\d{3}, (weak|moderate|strong)/);
    expect(text.split('it is not a probability').length - 1).toBe(1);
    const empty = formatReport(assess({ findings: [] }));
    expect(empty).toContain('Nothing recorded bears on any cause yet: the causes are listed in the source’s order, not ranked.');
  });

  it('never says nothing is recorded when a recorded finding raised a red flag', () => {
    // Saddle numbness bears on no cause's score but raises the cauda equina emergency.
    const text = formatReport(assess({ findings: ['saddle-anesthesia'] }));
    expect(text).toContain('[EMERGENCY] Possible cauda equina syndrome');
    expect(text).toContain('Because: Numbness in the saddle area');
    expect(text).toContain('Nothing recorded bears on any cause yet');
    expect(text).not.toMatch(/no findings recorded yet/i);
  });

  it('prints the Wells alternative as the clinician judged it', () => {
    const findings = ['loc-calf', 'unilateral', 'calf-swelling', 'ex-pitting-edema', 'ex-spreading-erythema', 'fever', 'rf-skin-break'];
    expect(formatReport(assess({ findings }))).toContain('Alternative diagnosis: suggested by the engine: Cellulitis, not yet confirmed by the clinician');
    expect(formatReport(assess({ findings, wellsAlternative: { met: true } }))).toContain('Alternative diagnosis: Cellulitis, suggested and confirmed by the clinician');
    expect(formatReport(assess({ findings, wellsAlternative: { met: false } }))).toContain(
      'Alternative diagnosis: the clinician judged no alternative at least as likely (suggested: Cellulitis)',
    );
  });
});
