// The HTML against the outside world's checkers: the Nu Html Checker for
// markup, axe-core in Chromium for accessibility.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBody, buildSeed } from './helpers/cli.js';
import { axeReport, vnuErrors } from './helpers/html-check.js';

const documents: { name: string; path: string }[] = [];

beforeAll(() => {
  documents.push({ name: 'C17/23', path: join(buildSeed('html'), 'C17-23-E.html') });
  // Tables, footnotes, figures, sub-headings, annexes and cross-references.
  documents.push({ name: 'C18/45', path: join(buildBody('html'), 'C18-45-E.html') });
});

describe.each(['C17/23', 'C18/45'])('HTML conformance of %s', (name) => {
  const htmlPath = () => documents.find((d) => d.name === name)!.path;
  it('has no error in the Nu Html Checker', () => {
    expect(vnuErrors([htmlPath()])).toEqual([]);
  });

  it('has no axe-core violation in Chromium, on a desktop and on a phone', async () => {
    for (const { violations, overflow } of await axeReport([htmlPath()])) {
      expect(violations).toEqual([]);
      // Readable on a phone: nothing wider than the screen.
      expect(overflow).toBeLessThanOrEqual(0);
    }
  });
});
