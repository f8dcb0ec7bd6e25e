/**
 * Published diagnostic-accuracy figures behind rule weights, each quoted from a text that was opened
 * and read (the quote is verbatim). A rule listed here has basis 'published'; the weight itself stays
 * on the knowledge base's point scale, chosen in the light of the figure.
 */
export interface PublishedFigure {
  /** Reference id (references.ts). */
  readonly reference: string;
  /** The figure, e.g. "sensitivity 0.96, specificity 0.93". */
  readonly figure: string;
  /** The sentence it was read in, verbatim. */
  readonly quote: string;
}

export const publishedBasis: ReadonlyMap<string, PublishedFigure> = new Map<string, PublishedFigure>([]);
