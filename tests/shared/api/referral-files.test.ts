import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ReferralExportRequest, ReferralExported, ReferralOpenRequest, ReferralPreview } from '../../../shared/api/referral.ts';

/**
 * Where a referral file may be saved or opened, in the words the referral form shows, and what a
 * produced letter must carry (pages, size, checksum) before the window trusts it. Values written by
 * hand; the SHA-256 below is that of the empty string.
 */

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

function firstIssue(schema: z.ZodType, input: unknown): { message: string; path: string } | null {
  const parsed = schema.safeParse(input);
  if (parsed.success) return null;
  const first = parsed.error.issues[0]!;
  return { message: first.message, path: first.path.join('.') };
}

const exportTo = (path: unknown) => firstIssue(ReferralExportRequest, { id: 'enc-3f6c2a', path });
const openAt = (path: unknown) => firstIssue(ReferralOpenRequest, { path });

describe('the path of a referral file', () => {
  it('asks for a place when none is given', () => {
    expect(exportTo('')).toEqual({ message: 'Choose where to save the referral', path: 'path' });
    expect(openAt('')).toEqual({ message: 'Choose where to save the referral', path: 'path' });
  });

  it('asks for a full path when given a bare file name or a relative path', () => {
    for (const path of ['letter.pdf', 'exports/letter.pdf', './letter.pdf']) {
      expect(exportTo(path), path).toEqual({ message: 'Choose a full path for the referral file on this computer', path: 'path' });
      expect(openAt(path), path).toEqual({ message: 'Choose a full path for the referral file on this computer', path: 'path' });
    }
  });

  it('must name a PDF, in any case of letters', () => {
    for (const path of ['/home/sam/letter.txt', '/home/sam/letter.pdf.bak', '/home/sam/letterpdf']) {
      expect(exportTo(path), path).toEqual({ message: 'The referral file name must end in .pdf', path: 'path' });
      expect(openAt(path), path).toEqual({ message: 'The referral file name must end in .pdf', path: 'path' });
    }
    for (const path of ['/home/sam/letter.pdf', '/home/sam/Letter.PDF', '/home/sam/a.Pdf']) {
      expect(exportTo(path), path).toBeNull();
      expect(openAt(path), path).toBeNull();
    }
  });

  it('does not replace an existing file unless asked', () => {
    expect(ReferralExportRequest.parse({ id: 'enc-3f6c2a', path: '/home/sam/letter.pdf' }).overwrite).toBe(false);
    expect(ReferralExportRequest.parse({ id: 'enc-3f6c2a', path: '/home/sam/letter.pdf', overwrite: true }).overwrite).toBe(true);
  });
});

describe('a produced letter', () => {
  const exported = { path: '/home/sam/letter.pdf', pages: 2, bytes: 48_213, sha256: EMPTY_SHA256 };
  const preview = { pdfBase64: 'JVBERi0=', pages: 2, bytes: 48_213, sha256: EMPTY_SHA256 };

  it('is accepted with at least one page, at least one byte and a SHA-256 in lower-case hex', () => {
    for (const schema of [ReferralExported, ReferralPreview]) {
      const base = schema === ReferralExported ? exported : preview;
      expect(firstIssue(schema, base)).toBeNull();
      expect(firstIssue(schema, { ...base, pages: 1, bytes: 1 })).toBeNull();
    }
  });

  it('is refused with no page, no byte or a fraction of either', () => {
    for (const schema of [ReferralExported, ReferralPreview]) {
      const base = schema === ReferralExported ? exported : preview;
      expect(firstIssue(schema, { ...base, pages: 0 })?.path).toBe('pages');
      expect(firstIssue(schema, { ...base, pages: 1.5 })?.path).toBe('pages');
      expect(firstIssue(schema, { ...base, bytes: 0 })?.path).toBe('bytes');
      expect(firstIssue(schema, { ...base, bytes: 10.5 })?.path).toBe('bytes');
    }
  });

  it('is refused with a checksum that is not 64 lower-case hex digits', () => {
    const bad = [EMPTY_SHA256.slice(1), `${EMPTY_SHA256}0`, EMPTY_SHA256.toUpperCase(), `g${EMPTY_SHA256.slice(1)}`, ` ${EMPTY_SHA256.slice(1)}`, ''];
    for (const schema of [ReferralExported, ReferralPreview]) {
      const base = schema === ReferralExported ? exported : preview;
      for (const sha256 of bad) expect(firstIssue(schema, { ...base, sha256 })?.path, sha256).toBe('sha256');
    }
  });

  it('a preview says what the letter lacks before it can be sent, or nothing', () => {
    expect(ReferralPreview.parse({ ...preview, missing: ['the recipient (who the letter is for)'] }).missing).toEqual(['the recipient (who the letter is for)']);
    expect(ReferralPreview.parse(preview).missing).toBeUndefined();
  });
});
