import type { Content, ContentTable, TableCell } from 'pdfmake/interfaces.js';
import { describe, expect, it } from 'vitest';
import { EncounterWithAddenda } from '../../../shared/api/encounter.ts';
import { buildReferralDocument } from '../../../electron/main/referral/document.ts';
import { block, KEEP_TOGETHER_MAX, missingLine, paragraphs, section, sectionTable } from '../../../electron/main/referral/layout.ts';
import { DVT_CASE, encounterFrom, referralInput } from './fixtures.ts';

/**
 * The letter's page-breaking and list rules, worked by hand: a heading never ends a page, free
 * text keeps the clinician's lines, and a table reads as a list (a rule under its headings and thin
 * rules between rows, none above the heading or below the last row).
 */

const A: Content = { text: 'first' };
const B: Content = { text: 'second' };

describe('sections', () => {
  it('keep the heading with a small first block, and let a large one flow', () => {
    expect(section('Notes', [block(A, 10), block(B, 10)])).toEqual([{ stack: [{ text: 'Notes', style: 'h2' }, A], unbreakable: true }, B]);
    expect(section('Notes', [block(A, KEEP_TOGETHER_MAX)])).toEqual([{ stack: [{ text: 'Notes', style: 'h2' }, A], unbreakable: true }]);
    expect(section('Notes', [block(A, KEEP_TOGETHER_MAX + 1)])).toEqual([{ stack: [{ text: 'Notes', style: 'h2' }, A] }]);
    expect(section('Notes', [])).toEqual({ text: 'Notes', style: 'h2' });
  });
});

describe('free text', () => {
  it('keeps the first line on its own and the rest as one block, with every line ending read as a new line', () => {
    expect(paragraphs('Calf pain\r\nfor 3 days\rworse at night\n\n  indented')).toEqual([
      { content: { text: 'Calf pain', preserveLeadingSpaces: true }, size: 9 },
      { content: { text: 'for 3 days\nworse at night\n\n  indented', preserveLeadingSpaces: true }, size: 37 },
    ]);
    expect(paragraphs('One line')).toEqual([{ content: { text: 'One line', preserveLeadingSpaces: true }, size: 8 }]);
  });

  it('prints an empty first line as a space, so the line is not lost', () => {
    expect(paragraphs('\nsecond')[0]).toEqual({ content: { text: ' ', preserveLeadingSpaces: true }, size: 0 });
    expect(paragraphs('')).toEqual([{ content: { text: ' ', preserveLeadingSpaces: true }, size: 0 }]);
  });
});

describe('tables under a heading', () => {
  const rows: TableCell[][] = [[{ text: 'a' }, { text: 'b' }], [{ text: 'c' }, { text: 'd' }], [{ text: 'e' }, { text: 'f' }]];

  it('carry the heading across the whole width as a header row, with the column headings after it when there are some', () => {
    const withHeads = sectionTable('Differential', [20, '*'], [{ text: '#' }, { text: 'Cause' }], rows) as ContentTable;
    expect(withHeads.table.headerRows).toBe(2);
    expect(withHeads.table.body[0]).toEqual([{ text: 'Differential', style: 'h2', colSpan: 2, margin: [0, 6, 0, 1] }, { text: '' }]);
    expect(withHeads.table.body[1]).toEqual([{ text: '#' }, { text: 'Cause' }]);
    expect(withHeads.table.body.slice(2)).toEqual(rows);
    const plain = sectionTable('Findings', [120, '*', 40], null, []) as ContentTable;
    expect(plain.table.headerRows).toBe(1);
    expect(plain.table.body).toEqual([[{ text: 'Findings', style: 'h2', colSpan: 3, margin: [0, 6, 0, 1] }, { text: '' }, { text: '' }]]);
  });

  it('keep a short first row with the headings, and let a long one break across the page', () => {
    expect((sectionTable('T', ['*'], null, [], 400) as ContentTable).table.keepWithHeaderRows).toBe(1);
    expect((sectionTable('T', ['*'], null, [], 401) as ContentTable).table.keepWithHeaderRows).toBe(0);
  });

  it('draw a rule under the headings and thin rules between rows, none above the heading or below the last row; no vertical rules', () => {
    for (const [heads, headerRows] of [[[{ text: '#' }, { text: 'Cause' }], 2], [null, 1]] as const) {
      const table = sectionTable('T', [20, '*'], heads as TableCell[] | null, rows) as ContentTable;
      const layout = table.layout as unknown as Record<'hLineWidth' | 'vLineWidth' | 'hLineColor' | 'paddingLeft', (i: number, node: unknown) => number | string>;
      const node = { table: { body: table.table.body } };
      const widths = table.table.body.map((_, i) => layout.hLineWidth(i, node));
      widths.push(layout.hLineWidth(table.table.body.length, node));
      const expected = table.table.body.map((_, i) => (i < headerRows ? 0 : i === headerRows ? 0.8 : 0.4));
      expected.push(0);
      expect(widths, `${headerRows} header rows`).toEqual(expected);
      expect(layout.vLineWidth(1, node)).toBe(0);
      expect(layout.hLineColor(1, node)).toBe('#c7c7c7');
      // The first column sits on the margin, like the text around the table.
      expect(layout.paddingLeft(0, node)).toBe(0);
      expect(layout.paddingLeft(1, node)).toBe(6);
    }
  });
});

describe('a missing part', () => {
  it('is printed bold in red', () => {
    expect(missingLine('Missing: add the recipient')).toEqual({ content: { text: 'Missing: add the recipient', bold: true, color: '#b3261e' }, size: 26 });
  });
});

describe('a red flag on the letter', () => {
  /** The DVT letter with its one red flag's action made `n` characters long, criteria and findings taken away (v1). */
  function flagBlock(n: number): { unbreakable?: boolean } {
    const e = encounterFrom(DVT_CASE, { status: 'signed' });
    const [flag] = e.assessment.redFlags;
    const { criteria: _criteria, ...v1 } = flag!;
    const changed = EncounterWithAddenda.parse({ ...e, assessment: { ...e.assessment, redFlags: [{ ...v1, because: [], action: 'a'.repeat(n) }] } });
    const found: { unbreakable?: boolean }[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (node === null || typeof node !== 'object') return;
      const n = node as { stack?: unknown[]; unbreakable?: boolean };
      const first = n.stack?.[0] as { text?: { text?: string }[] } | undefined;
      if (Array.isArray(first?.text) && first.text[0]?.text === flag!.label) found.push(n);
      for (const value of Object.values(n)) walk(value);
    };
    walk(buildReferralDocument(referralInput(changed)).content);
    expect(found).toHaveLength(1);
    return found[0]!;
  }

  it('is kept on one page up to the size limit, and may break across pages beyond it', () => {
    // Its size, as the letter counts it (each text's length + 40): the label "Suspected deep vein
    // thrombosis" 30 + 40, "Not recorded" 12 + 40, no criteria 0 + 40, the action n + 40: 202 + n.
    expect(flagBlock(10).unbreakable).toBe(true);
    expect(flagBlock(KEEP_TOGETHER_MAX - 202).unbreakable).toBe(true);
    expect(flagBlock(KEEP_TOGETHER_MAX - 201).unbreakable).toBe(false);
  });
});
