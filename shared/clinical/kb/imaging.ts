import type { ImagingDef, InvestigationDef } from '../types.ts';

/**
 * The source's imaging table, nearly word for word. When each is suggested is in suggestions.ts;
 * where the source says nothing of cost, the item says so rather than guessing.
 */
const table = { source: 'Diagnostic approaches, imaging table' } as const;

export const imaging: readonly ImagingDef[] = [
  {
    id: 'mri',
    label: 'MRI',
    mainUse: { text: 'Visualises soft tissues including nerves and muscles.', citation: table },
    advantage: { text: 'Detailed images of disc herniations and nerve compression.', citation: table },
    limitation: { text: 'Expensive and time-consuming.', citation: table },
    cost: { text: 'Expensive.', citation: table },
  },
  {
    id: 'doppler-ultrasound',
    label: 'Doppler ultrasound',
    mainUse: { text: 'Detects blood-flow abnormalities such as DVT and PAD.', citation: table },
    advantage: { text: 'Non-invasive and quick.', citation: table },
    limitation: { text: 'Operator dependent.', citation: table },
    cost: { text: 'The source does not state its cost.', citation: table },
  },
  {
    id: 'x-ray',
    label: 'X-ray',
    mainUse: { text: 'Assesses bony structures for arthritis or fractures.', citation: table },
    advantage: { text: 'Widely available.', citation: table },
    limitation: { text: 'Limited soft-tissue detail.', citation: table },
    cost: { text: 'The source does not state its cost.', citation: table },
  },
];

/** Tests other than imaging that the engine may suggest. */
export const investigations: readonly InvestigationDef[] = [
  { id: 'd-dimer', label: 'D-dimer', citation: { reference: 'nice-ng158' } },
  { id: 'ankle-brachial-index', label: 'Ankle brachial pressure index (ABPI)', citation: { reference: 'nice-cg147' } },
  { id: 'blood-tests', label: 'Blood tests for infection and inflammatory markers', citation: { source: 'Diagnostic approaches' } },
];
