import type { SourceSection } from '../types.ts';

/**
 * Sections of the clinical source (source/back-of-the-legs-pain-causes.txt) that knowledge-base
 * items cite. Each heading is a line of the source, copied exactly (curly apostrophes and the en
 * dash included), so a test can check every citation against the text.
 */
export const sections: readonly SourceSection[] = [
  { id: 'Introduction', heading: 'Back Of The Legs Pain Causes | Clear, Concise, Critical' },
  { id: 'Anatomy', heading: 'Understanding the Anatomy Behind Back of the Leg Pain' },
  { id: 'Common causes', heading: 'Common Back Of The Legs Pain Causes' },
  { id: 'Common causes 1', heading: '1. Sciatica', parent: 'Common causes' },
  { id: 'Common causes 2', heading: '2. Muscle Strain and Overuse', parent: 'Common causes' },
  { id: 'Common causes 3', heading: '3. Deep Vein Thrombosis (DVT)', parent: 'Common causes' },
  { id: 'Common causes 4', heading: '4. Peripheral Artery Disease (PAD)', parent: 'Common causes' },
  { id: 'Common causes 5', heading: '5. Nerve Entrapment Syndromes', parent: 'Common causes' },
  { id: 'Less common causes', heading: 'Less Common But Noteworthy Causes' },
  { id: 'Less common causes 1', heading: '1. Baker’s Cyst Rupture', parent: 'Less common causes' },
  { id: 'Less common causes 2', heading: '2. Lumbar Spinal Stenosis', parent: 'Less common causes' },
  { id: 'Less common causes 3', heading: '3. Tendonitis Behind Knee/Calf', parent: 'Less common causes' },
  { id: 'Diagnostic approaches', heading: 'Diagnostic Approaches for Back Of The Legs Pain Causes' },
  {
    id: 'Diagnostic approaches, imaging table',
    heading: 'Diagnostic Tool Main Use Advantages & Limitations',
    parent: 'Diagnostic approaches',
  },
  { id: 'Treatment strategies', heading: 'Treatment Strategies Tailored to Specific Causes' },
  { id: 'Sciatica management', heading: 'Sciatica Management', parent: 'Treatment strategies' },
  { id: 'Muscle strain treatment', heading: 'Tackling Muscle Strains Behind Legs', parent: 'Treatment strategies' },
  { id: 'DVT treatment', heading: 'DVT Treatment Essentials', parent: 'Treatment strategies' },
  { id: 'PAD treatment', heading: 'Pain Relief in Peripheral Artery Disease (PAD)', parent: 'Treatment strategies' },
  { id: 'Lifestyle', heading: 'Lifestyle Adjustments Preventing Back Of The Legs Pain Causes Recurrence' },
  { id: 'Physical therapy', heading: 'The Role of Physical Therapy in Managing Back Of The Legs Pain Causes' },
  { id: 'Surgical interventions', heading: 'Surgical Interventions: When Are They Necessary?' },
  { id: 'Key takeaways', heading: 'Key Takeaways: Back Of The Legs Pain Causes' },
  { id: 'FAQ', heading: 'Frequently Asked Questions' },
  { id: 'Conclusion', heading: 'Conclusion – Back Of The Legs Pain Causes' },
];

export const sectionById: ReadonlyMap<string, SourceSection> = new Map(sections.map((s) => [s.id, s]));

/** A citation may name several sections or references separated by "; ". */
export const splitCitation = (value: string): string[] => value.split('; ').map((s) => s.trim());
