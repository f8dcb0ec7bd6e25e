import type { Content, Style, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';

/**
 * The same referral as HTML, for the benchmark's side-by-side with headless Chromium's
 * `page.pdf()` (what many Electron apps use to make PDFs). It walks the very pdfmake definition
 * the app renders, so both engines lay out identical content: text, stacks, columns, tables and
 * their styles, with the header and footer as Chromium's page templates.
 */

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function css(style: Style | undefined, named: Record<string, Style>, styleNames: unknown): string {
  const names = Array.isArray(styleNames) ? styleNames : styleNames === undefined ? [] : [styleNames];
  const merged: Style = Object.assign({}, ...names.map((n) => named[String(n)] ?? {}), style ?? {});
  const out: string[] = [];
  if (merged.fontSize !== undefined) out.push(`font-size:${merged.fontSize}pt`);
  if (merged.bold) out.push('font-weight:500');
  if (merged.italics) out.push('font-style:italic');
  if (typeof merged.color === 'string') out.push(`color:${merged.color}`);
  if (typeof merged.fillColor === 'string') out.push(`background:${merged.fillColor}`);
  if (merged.alignment !== undefined) out.push(`text-align:${merged.alignment}`);
  const m = merged.margin;
  if (Array.isArray(m)) {
    const [l, t, r, b] = m.length === 4 ? m : [m[0], m[1], m[0], m[1]];
    out.push(`margin:${t}pt ${r}pt ${b}pt ${l}pt`);
  }
  return out.join(';');
}

function toHtml(node: Content | TableCell | undefined, named: Record<string, Style>): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string' || typeof node === 'number') return esc(String(node)).replace(/\n/g, '<br>');
  if (Array.isArray(node)) return node.map((n) => `<div>${toHtml(n as Content, named)}</div>`).join('');
  const n = node as Record<string, unknown> & Style;
  const style = css(n, named, n.style);
  if ('text' in n) {
    const inner = Array.isArray(n.text) ? (n.text as Content[]).map((t) => (typeof t === 'string' ? esc(t) : `<span style="${css(t as Style, named, (t as { style?: unknown }).style)}">${toHtml((t as { text: Content }).text, named)}</span>`)).join('') : toHtml(n.text as Content, named);
    return `<p style="white-space:pre-wrap;${style}">${inner}</p>`;
  }
  if ('stack' in n) return `<div style="${style}">${(n.stack as Content[]).map((c) => toHtml(c, named)).join('')}</div>`;
  if ('columns' in n) return `<div style="display:flex;gap:8pt;${style}">${(n.columns as Content[]).map((c) => `<div style="flex:1">${toHtml(c, named)}</div>`).join('')}</div>`;
  if ('table' in n) {
    const body = (n.table as { body: TableCell[][] }).body;
    const rows = body
      .map((row) => `<tr>${row.map((cell) => `<td style="vertical-align:top;border-bottom:0.4pt solid #c7c7c7;padding:2.5pt 4pt">${toHtml(cell, named)}</td>`).join('')}</tr>`)
      .join('');
    return `<table style="width:100%;border-collapse:collapse;${style}">${rows}</table>`;
  }
  if ('canvas' in n) return '<hr style="border:0;border-top:0.5pt solid #999">';
  return '';
}

export interface ReferralHtml {
  readonly html: string;
  readonly headerTemplate: string;
  readonly footerTemplate: string;
}

/** The definition's body as an HTML page, and its page header and footer as Chromium templates. */
export function referralHtml(def: TDocumentDefinitions): ReferralHtml {
  const named = (def.styles ?? {}) as Record<string, Style>;
  const defaults = css(def.defaultStyle, named, undefined);
  const body = toHtml(def.content, named);
  const size = { width: 595.28, height: 841.89, orientation: 'portrait' as const };
  // pdfmake's header and footer are functions of the page; Chromium fills in its own page numbers.
  const headerText = typeof def.header === 'function' ? JSON.stringify(def.header(1, 1, size)) : '';
  const patientLine = /"text":"([^"]*·[^"]*)"/.exec(headerText)?.[1] ?? '';
  const footerText = typeof def.footer === 'function' ? JSON.stringify(def.footer(1, 1, size)) : '';
  const footerLines = [...footerText.matchAll(/"text":"([^"]*)"/g)].map((m) => m[1]!);
  const template = (inner: string): string => `<div style="font-family:Roboto,sans-serif;font-size:8pt;width:100%;margin:0 50pt">${inner}</div>`;
  return {
    html:
      `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><style>@page{size:A4;margin:72pt 50pt 64pt 50pt}` +
      `body{font-family:Roboto,sans-serif;${defaults};line-height:1.15} p{margin:0}</style></head><body>${body}</body></html>`,
    headerTemplate: template(`<b>${esc(patientLine)}</b><span style="float:right">Page <span class="pageNumber"></span> of <span class="totalPages"></span></span>`),
    footerTemplate: template(footerLines.map((l) => esc(l)).join('<br>')),
  };
}
