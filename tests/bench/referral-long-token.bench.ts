/**
 * Issue 11, item 12: a referral whose notes hold one 20,000-character word without a break (a
 * pasted log line, a held-down key), built and rendered in this thread; p50 and the slowest of a
 * few rounds. Before the letter soft-wrapped long tokens it took about 25 s on these machines.
 *
 * Prints `bench <name> <value> <unit>` lines on stdout.
 */
import { join, resolve } from 'node:path';
import { buildReferralDocument } from '../../electron/main/referral/document.ts';
import { createPdfRenderer } from '../../electron/main/referral/render.ts';
import { DVT_CASE, encounterFrom, referralInput } from '../main/referral/fixtures.ts';

const fontDir = join(resolve(import.meta.dirname, '../..'), 'resources', 'fonts');
const line = (name: string, value: number, unit: string): void => {
  process.stdout.write(`bench ${name} ${Number(value.toFixed(1))} ${unit}\n`);
};

async function main(): Promise<void> {
  const renderer = createPdfRenderer({ fontDir });
  const token = Array.from({ length: 2000 }, (_, i) => `w${String(i).padStart(4, '0')}wxyzq`).join('');
  const input = referralInput(encounterFrom(DVT_CASE, { status: 'signed', notes: `Pasted: ${token} end of paste.` }));
  await renderer.render(buildReferralDocument(input));
  const xs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await renderer.render(buildReferralDocument(input));
    xs.push(performance.now() - t);
  }
  xs.sort((a, b) => a - b);
  line('referral.long-token-20k.p50', xs[2]!, 'ms');
  line('referral.long-token-20k.max', xs[4]!, 'ms');
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
