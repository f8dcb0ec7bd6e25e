import { readFileSync } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces.js';
import { parsedFontHandle } from './font-cache.ts';

/**
 * Renders pdfmake document definitions with pdfmake 0.3's server API: the bundled fonts, no URL
 * access, local access limited to the font folder. Fonts are parsed and words shaped once per
 * process (font-cache.ts), which more than halves the time of a letter.
 */

export const FONT_FILES = {
  normal: 'Roboto-Regular.ttf',
  bold: 'Roboto-Medium.ttf',
  italics: 'Roboto-Italic.ttf',
  bolditalics: 'Roboto-MediumItalic.ttf',
} as const;
type FontStyle = keyof typeof FONT_FILES;

export interface RenderedPdf {
  readonly bytes: Buffer;
  readonly pages: number;
}

export interface PdfRenderer {
  render(definition: TDocumentDefinitions): Promise<RenderedPdf>;
}

export interface PdfRendererOptions {
  /** The folder holding FONT_FILES (resources/fonts in the repository and in the packaged app). */
  readonly fontDir: string;
  /** Parse each font once for all documents (default). False gives stock pdfmake, for comparison. */
  readonly reuseParsedFonts?: boolean;
}

interface PdfmakeVirtualFs {
  writeFileSync(name: string, content: Buffer): void;
}
const virtualfs = (pdfmake as unknown as { virtualfs: PdfmakeVirtualFs }).virtualfs;

/** Puts the handle of a font parsed once into pdfmake's virtual file system; returns its name there. */
function virtualFontFile(path: string): string {
  const handle = parsedFontHandle(path);
  const name = `legpain-font-${handle.readUInt32BE(4)}-${basename(path)}`;
  virtualfs.writeFileSync(name, handle);
  return name;
}

export const isInside = (dir: string, path: string): boolean => {
  const rel = relative(resolve(dir), resolve(path));
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
};

export function createPdfRenderer({ fontDir, reuseParsedFonts = true }: PdfRendererOptions): PdfRenderer {
  const dir = resolve(fontDir);
  const files = Object.fromEntries(
    Object.entries(FONT_FILES).map(([style, file]) => {
      const path = join(dir, file);
      if (reuseParsedFonts) return [style, virtualFontFile(path)];
      readFileSync(path); // fail now, with the path, rather than at the first letter
      return [style, path];
    }),
  ) as Record<FontStyle, string>;
  const fonts: TFontDictionary = { Roboto: files };

  return {
    async render(definition) {
      // pdfmake is a process-wide singleton: set its policies and fonts right before each
      // document, so two renderers in one process (the benchmark's stock one) cannot mix.
      pdfmake.setUrlAccessPolicy(() => false);
      pdfmake.setLocalAccessPolicy((path) => isInside(dir, path));
      pdfmake.setFonts({ Roboto: { ...fonts.Roboto } });
      let pages = 0;
      const footer = definition.footer;
      definition.footer = (currentPage, pageCount, pageSize) => {
        pages = pageCount;
        return typeof footer === 'function' ? footer(currentPage, pageCount, pageSize) : (footer ?? null);
      };
      const bytes = await pdfmake.createPdf(definition).getBuffer();
      return { bytes, pages };
    },
  };
}
