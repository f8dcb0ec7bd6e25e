import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Font work shared between documents, so a letter pays only for its own layout.
 *
 * Stock pdfmake hands pdfkit a font per document and fontkit parses it again each time: its
 * lazily parsed tables (cmap, hmtx, loca, GSUB, GPOS, ...) are rebuilt from scratch, and every word
 * is shaped again by the OpenType engine, whose per-call set-up dominates short words. Here:
 *
 * - Tables are parsed once per process and shared by each document's font object, exactly as
 *   fontkit's own `getVariation()` shares them between font objects.
 * - Shaping results (glyph ids, the code points each glyph stands for, positions) are kept per
 *   text and replayed on the document's own font object.
 *
 * Glyph objects themselves stay per document, as in stock pdfkit: pdfkit builds the PDF's
 * ToUnicode map from the code points a glyph object was first created with, and a glyph first
 * met as a component of another (the dot of "ị") would otherwise lose its text in later letters.
 * A replayed run creates its glyph objects with the code points fontkit's shaper gave them, so the
 * output is byte for byte that of stock pdfmake (tests check this after letters in other scripts).
 *
 * The hook is fontkit's public `registerFormat`: the virtual font file pdfmake reads is an 8-byte
 * handle that no built-in format claims; our format recognises it and returns a font object over
 * the shared tables.
 */

interface Glyph {
  readonly id: number;
  readonly codePoints: number[];
}
interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}
interface GlyphRun {
  glyphs: Glyph[];
  positions: Position[];
  readonly script: string;
  readonly language: string | null;
  readonly direction: string;
  readonly features: object;
}
/** The fontkit TTFFont members used here; `_tables` and `_glyphs` are its caches. */
interface FontkitFont {
  _tables: object;
  _glyphs: object;
  layout(text: string, features?: unknown, script?: unknown, language?: unknown, direction?: unknown): GlyphRun;
  getGlyph(id: number, codePoints?: number[]): Glyph;
}
interface Fontkit {
  create(buffer: Uint8Array): unknown;
  registerFormat(format: unknown): void;
}

/** What shaping a text gave, independent of any font object. */
interface Shaped {
  readonly glyphs: readonly { readonly id: number; readonly codePoints: number[] }[];
  readonly positions: readonly (readonly [number, number, number, number])[];
  readonly script: string;
  readonly language: string | null;
  readonly direction: string;
  readonly features: object;
}

interface ParsedFont {
  readonly buffer: Uint8Array;
  /** Owns the shared tables; never used for a document. */
  readonly template: FontkitFont;
  /** Shapes texts not seen before, starting each from an empty glyph cache. */
  readonly recorder: FontkitFont;
  readonly shaped: Map<string, Shaped>;
}

// pdfkit must see the very fontkit module the format is registered with: resolve it through pdfkit.
const requireHere = createRequire(import.meta.url);
const fontkit = createRequire(createRequire(requireHere.resolve('pdfmake')).resolve('pdfkit'))('fontkit') as Fontkit;

const HANDLE_MAGIC = [0x4c, 0x50, 0x44, 0x58] as const; // "LPDX"
const HANDLE_LENGTH = 8;
/** Words and short runs a clinic's letters use; bounded so a long-running app cannot grow without limit. */
const MAX_SHAPED_PER_FONT = 50_000;

const parsedFonts: ParsedFont[] = [];
const indexByFile = new Map<string, number>();
let GlyphRunClass: (new (glyphs: Glyph[], features: object, script: string, language: string | null, direction: string) => GlyphRun) | null = null;
let GlyphPositionClass: (new (xAdvance: number, yAdvance: number, xOffset: number, yOffset: number) => Position) | null = null;

function fontOver(parsed: ParsedFont | { buffer: Uint8Array; template: FontkitFont }, DecodeStream: new (b: Uint8Array) => object): FontkitFont {
  const Font = parsed.template.constructor as new (stream: object) => FontkitFont;
  const font = new Font(new DecodeStream(parsed.buffer));
  font._tables = parsed.template._tables;
  return font;
}

function shape(parsed: ParsedFont, text: string): Shaped {
  const known = parsed.shaped.get(text);
  if (known !== undefined) return known;
  // An empty glyph cache: each glyph object is created by this run, with this run's code points.
  parsed.recorder._glyphs = {};
  const run = parsed.recorder.layout(text);
  GlyphRunClass ??= run.constructor as unknown as typeof GlyphRunClass;
  GlyphPositionClass ??= (run.positions[0]?.constructor ?? null) as unknown as typeof GlyphPositionClass;
  const shaped: Shaped = {
    glyphs: run.glyphs.map((g) => ({ id: g.id, codePoints: [...g.codePoints] })),
    positions: run.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset] as const),
    script: run.script,
    language: run.language,
    direction: run.direction,
    features: run.features,
  };
  if (parsed.shaped.size < MAX_SHAPED_PER_FONT) parsed.shaped.set(text, shaped);
  return shaped;
}

/** A document's font: its own glyph objects, shared tables, and shaping replayed from the cache. */
function documentFont(parsed: ParsedFont, DecodeStream: new (b: Uint8Array) => object): FontkitFont {
  const font = fontOver(parsed, DecodeStream);
  const stockLayout = font.layout.bind(font);
  font.layout = (text, features, script, language, direction) => {
    // pdfkit asks with features only for text styled with font features; the letter uses none.
    if (features !== undefined || script !== undefined || language !== undefined || direction !== undefined) {
      return stockLayout(text, features, script, language, direction);
    }
    const s = shape(parsed, text);
    if (GlyphRunClass === null || GlyphPositionClass === null) return stockLayout(text);
    const run = new GlyphRunClass(
      s.glyphs.map((g) => font.getGlyph(g.id, [...g.codePoints])),
      s.features,
      s.script,
      s.language,
      s.direction,
    );
    const Position = GlyphPositionClass;
    run.positions = s.positions.map(([xa, ya, xo, yo]) => new Position(xa, ya, xo, yo));
    return run;
  };
  return font;
}

class ParsedFontHandle {
  static probe(buffer: Uint8Array): boolean {
    return buffer.length === HANDLE_LENGTH && HANDLE_MAGIC.every((b, i) => buffer[i] === b);
  }
  constructor(stream: { buffer: Uint8Array }) {
    const index = new DataView(stream.buffer.buffer, stream.buffer.byteOffset, HANDLE_LENGTH).getUint32(4);
    const parsed = parsedFonts[index];
    if (parsed === undefined) throw new Error(`Unknown parsed font handle ${index}`);
    // A constructor may return another object: fontkit then uses the document's font.
    return documentFont(parsed, stream.constructor as new (b: Uint8Array) => object) as unknown as ParsedFontHandle;
  }
}
fontkit.registerFormat(ParsedFontHandle);

/**
 * The contents of the virtual font file for `file`: a handle to the font parsed once. The same
 * file always gives the same handle.
 */
export function parsedFontHandle(file: string): Buffer {
  let index = indexByFile.get(file);
  if (index === undefined) {
    const buffer = readFileSync(file);
    const template = fontkit.create(buffer) as FontkitFont;
    const DecodeStream = (template as unknown as { stream: { constructor: new (b: Uint8Array) => object } }).stream.constructor;
    index = parsedFonts.length;
    parsedFonts.push({ buffer, template, recorder: fontOver({ buffer, template }, DecodeStream), shaped: new Map() });
    indexByFile.set(file, index);
  }
  const handle = Buffer.alloc(HANDLE_LENGTH);
  HANDLE_MAGIC.forEach((b, i) => handle.writeUInt8(b, i));
  handle.writeUInt32BE(index, 4);
  return handle;
}
