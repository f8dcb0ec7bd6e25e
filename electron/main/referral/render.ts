import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve, isAbsolute } from 'node:path';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces.js';

/**
 * Renders pdfmake document definitions with pdfmake 0.3's server API: the bundled fonts, no URL
 * access, local access limited to the font folder.
 *
 * Speed: stock pdfmake hands pdfkit a path (or a buffer) per document, and pdfkit asks fontkit to
 * parse the font again for every document; fontkit then rebuilds its lazily parsed tables (cmap,
 * hmtx, GSUB, GPOS) and glyph cache from scratch. That is over half the time of a one-page
 * letter. Here each font is parsed once per process and the same fontkit object serves every
 * document. The hook is fontkit's public `registerFormat`: the virtual font file pdfmake reads
 * is an 8-byte handle no built-in format claims; our format recognises it and returns the parsed
 * font. pdfkit still subsets and embeds the fonts per document, so the output bytes are exactly
 * those of stock pdfmake (a test checks this).
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

interface Fontkit {
  create(buffer: Uint8Array, postscriptName?: string): unknown;
  registerFormat(format: unknown): void;
}

interface PdfmakeVirtualFs {
  writeFileSync(name: string, content: Buffer): void;
}

// pdfkit must see the very fontkit module we register the format with: resolve it from pdfkit.
const requireHere = createRequire(import.meta.url);
const requireFromPdfkit = createRequire(createRequire(requireHere.resolve('pdfmake')).resolve('pdfkit'));
const fontkit = requireFromPdfkit('fontkit') as Fontkit;
const virtualfs = (pdfmake as unknown as { virtualfs: PdfmakeVirtualFs }).virtualfs;

const HANDLE_MAGIC = [0x4c, 0x50, 0x44, 0x58] as const; // "LPDX"
const HANDLE_LENGTH = 8;
const parsedFonts: unknown[] = [];
const handles = new Map<string, number>();

class ParsedFontHandle {
  static probe(buffer: Uint8Array): boolean {
    return buffer.length === HANDLE_LENGTH && HANDLE_MAGIC.every((b, i) => buffer[i] === b);
  }
  constructor(stream: { buffer: Uint8Array }) {
    const index = new DataView(stream.buffer.buffer, stream.buffer.byteOffset, HANDLE_LENGTH).getUint32(4);
    const font = parsedFonts[index];
    if (font === undefined) throw new Error(`Unknown parsed font handle ${index}`);
    // A constructor may return another object: fontkit then uses the already parsed font.
    return font as ParsedFontHandle;
  }
}
fontkit.registerFormat(ParsedFontHandle);

/** The virtual file name of a font parsed once; the same file gives the same handle. */
function parsedFontHandle(file: string): string {
  let index = handles.get(file);
  if (index === undefined) {
    index = parsedFonts.length;
    parsedFonts.push(fontkit.create(readFileSync(file)));
    handles.set(file, index);
  }
  const name = `legpain-parsed-font-${index}`;
  const handle = Buffer.alloc(HANDLE_LENGTH);
  HANDLE_MAGIC.forEach((b, i) => handle.writeUInt8(b, i));
  handle.writeUInt32BE(index, 4);
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
      readFileSync(path); // fail now, with the path, rather than at the first letter
      return [style, reuseParsedFonts ? parsedFontHandle(path) : path];
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
