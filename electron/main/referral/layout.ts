import type { Content, CustomTableLayout, TableCell } from 'pdfmake/interfaces.js';

/**
 * The letter's look and its page-breaking rules: colours, page geometry, sections whose heading
 * never ends a page, free text that flows, and tables that read as lists.
 */

export const COLORS = {
  text: '#1a1a1a',
  muted: '#5f6368',
  rule: '#c7c7c7',
  panel: '#f2f4f5',
  draft: '#b3261e',
  signed: '#1b5e20',
  priority: { emergency: '#b71c1c', urgent: '#bf4800', routine: '#455a64' },
} as const;

export const URGENCY_LABEL = { emergency: 'Emergency', urgent: 'Urgent', routine: 'Routine' } as const;

export const PAGE_MARGINS: [number, number, number, number] = [50, 56, 50, 48];
export const A4 = { width: 595.28, height: 841.89 } as const;

/**
 * A block of a section with a rough size in characters. pdfmake drops whatever does not fit on
 * one page of an unbreakable block, so only blocks known to be small are ever kept together.
 */
export interface Block {
  readonly content: Content;
  readonly size: number;
}
export const KEEP_TOGETHER_MAX = 2500;
export const block = (content: Content, size: number): Block => ({ content, size });

/**
 * A section whose heading never ends a page: the heading and the section's first block are kept
 * together when that block is small; everything else flows (and breaks between lines).
 */
export function section(title: string, blocks: readonly Block[]): Content {
  const heading: Content = { text: title, style: 'h2' };
  const [first, ...rest] = blocks;
  if (first === undefined) return heading;
  const head: Content = first.size <= KEEP_TOGETHER_MAX ? { stack: [heading, first.content], unbreakable: true } : { stack: [heading, first.content] };
  return [head, ...rest.map((b) => b.content)];
}

/**
 * Free text as the clinician wrote it: the first line as its own block (kept with the heading),
 * the rest as one text node. pdfmake breaks a text node between pages only between lines, so a
 * long note flows onto as many pages as it needs and no line is ever cut; one node rather than
 * one per line keeps long notes quick to lay out.
 */
export function paragraphs(text: string): Block[] {
  const [first = '', ...rest] = text.replace(/\r\n?/g, '\n').split('\n');
  const line = (t: string): Content => ({ text: t === '' ? ' ' : t, preserveLeadingSpaces: true });
  const blocks = [block(line(first), first.length)];
  if (rest.length > 0) blocks.push(block(line(rest.join('\n')), rest.join('\n').length));
  return blocks;
}

export const sizeOf = (...texts: readonly string[]): number => texts.reduce((n, t) => n + t.length + 40, 0);

/** Thin rules between rows, none around: a table that reads as a list. */
const rowsLayout = (headerRows: number): CustomTableLayout => ({
  hLineWidth: (i, node) => (i <= headerRows - 1 || i === node.table.body.length ? 0 : i === headerRows ? 0.8 : 0.4),
  hLineColor: () => COLORS.rule,
  vLineWidth: () => 0,
  paddingLeft: (i) => (i === 0 ? 0 : 6),
  paddingRight: () => 4,
  paddingTop: () => 2.5,
  paddingBottom: () => 2.5,
});

/** Characters of a table's first row above which it may break across pages rather than move whole to the next. */
const KEEP_FIRST_ROW_MAX = 400;

/**
 * A table under a section heading. The heading (and the column headings) are the table's header
 * rows: pdfmake repeats them on a page the table runs onto, and keeps them with the first row when
 * that row is short. A long first row may break across the page instead: kept whole, it would
 * move the table to the next page and leave the rest of this one blank.
 */
export function sectionTable(title: string, widths: (number | string)[], columnHeads: TableCell[] | null, rows: TableCell[][], firstRowSize = 0): Content {
  const span = widths.length;
  const headingRow: TableCell[] = [
    { text: title, style: 'h2', colSpan: span, margin: [0, 6, 0, 1] },
    ...Array.from({ length: span - 1 }, (): TableCell => ({ text: '' })),
  ];
  const headerRows = columnHeads === null ? 1 : 2;
  return {
    table: {
      widths,
      headerRows,
      keepWithHeaderRows: firstRowSize <= KEEP_FIRST_ROW_MAX ? 1 : 0,
      body: [headingRow, ...(columnHeads === null ? [] : [columnHeads]), ...rows],
    },
    layout: rowsLayout(headerRows),
  };
}

/** A line saying what the letter lacks, in the draft colour so it cannot be missed. */
export function missingLine(text: string): Block {
  return block({ text, bold: true, color: COLORS.draft }, text.length);
}
