import type { Content } from 'pdfmake/interfaces.js';
import type { Citation } from '../../../shared/clinical/assessment.ts';
import type { ReferralKnowledgeBase } from './kb.ts';
import { block, section } from './layout.ts';

/** Numbers the sources the letter cites in order of first use; the list closes the letter. */
export class Citations {
  readonly titles: string[] = [];
  readonly kb: ReferralKnowledgeBase;
  constructor(kb: ReferralKnowledgeBase) {
    this.kb = kb;
  }
  mark(citation: Citation): Content {
    const numbers = this.kb.citationTitles(citation).map((title) => {
      const at = this.titles.indexOf(title);
      if (at >= 0) return at + 1;
      this.titles.push(title);
      return this.titles.length;
    });
    return numbers.length === 0 ? { text: '' } : { text: `Sources: [${numbers.join(', ')}]`, style: 'small' };
  }
  /**
   * The same mark as the end of a line of text, after two spaces: a line less per cited block,
   * which keeps a letter with red flags, Wells and imaging within two pages.
   */
  markAtEnd(citation: Citation): Content {
    const mark = this.mark(citation) as { text: string; style?: string };
    return mark.text === '' ? { text: '' } : { ...mark, text: `  ${mark.text}` };
  }
}

/** The sources in a smaller type, one line each where they fit: reference material, not the letter's message. */
export function sourcesBlock(titles: readonly string[]): Content {
  return section(
    'Sources cited',
    titles.map((t, i) =>
      block({ columns: [{ text: `[${i + 1}]`, width: 16, style: 'source' }, { text: t, style: 'source' }], margin: [0, 0.5, 0, 0] }, t.length),
    ),
  );
}
