import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * What the README hands a newcomer is in the repository itself: every link it makes resolves
 * inside the clone, the specifications it links are the shared ones, and the example cases run.
 */

const repoRoot = resolve(import.meta.dirname, '../..');
const sharedSpec = resolve(repoRoot, '..', 'shared', 'spec');
const specCopies = readdirSync(join(repoRoot, 'shared', 'spec')).filter((f) => f.endsWith('.md') && f !== 'README.md');

/** Relative link targets of a markdown file, without their #fragment. */
function relativeLinks(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!.replace(/#.*$/, '')).filter((l) => l !== '' && !/^[a-z]+:/i.test(l));
}

describe('the README and the documents it links', () => {
  it('links only to files inside the repository that exist', () => {
    for (const doc of ['README.md', 'shared/spec/README.md']) {
      const links = relativeLinks(join(repoRoot, doc));
      expect(links.length, doc).toBeGreaterThan(0);
      for (const link of links) {
        const target = resolve(repoRoot, dirname(doc), link);
        expect(relative(repoRoot, target).startsWith('..'), `${doc} → ${link} leaves the repository`).toBe(false);
        expect(existsSync(target), `${doc} → ${link}`).toBe(true);
      }
    }
    expect(readFileSync(join(repoRoot, 'README.md'), 'utf8')).not.toContain('../shared/spec');
  });

  it('keeps a copy of both specifications the app implements', () => {
    expect(specCopies.sort()).toEqual(['assess-cli.md', 'encounter-api.md']);
  });

  describe.skipIf(!existsSync(sharedSpec))('the copies match ../shared/spec (needs ../shared beside the repository)', () => {
    it.each(specCopies)('%s', (name) => {
      expect(readFileSync(join(repoRoot, 'shared', 'spec', name), 'utf8')).toBe(readFileSync(join(sharedSpec, name), 'utf8'));
    });
  });
});

describe('the example cases the README uses with npm run assess', () => {
  const assess = (file: string) => {
    const r = spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', join(repoRoot, 'electron', 'cli', 'assess.mjs'), '--json', file], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    return JSON.parse(r.stdout) as { differential: { cause: string }[]; redFlags: { id: string }[] };
  };

  // What each case is an example of, as the public vignettes it is taken from expect.
  it('a swollen, warm, tender calf after a long flight on oestrogen: DVT first, with its red flag', () => {
    const out = assess(join(repoRoot, 'shared', 'examples', 'calf-dvt.json'));
    expect(out.differential[0]!.cause).toBe('dvt');
    expect(out.redFlags.map((f) => f.id)).toContain('suspected-dvt');
  });

  it('calf cramping on walking that eases with rest, weak foot pulses, a smoker: PAD first, no DVT flag', () => {
    const out = assess(join(repoRoot, 'shared', 'examples', 'calf-claudication.json'));
    expect(out.differential[0]!.cause).toBe('pad');
    expect(out.redFlags.map((f) => f.id)).not.toContain('suspected-dvt');
  });
});
