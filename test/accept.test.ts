// Accepting a known warning in the source: it goes quiet there, and only there.
import { expect, it } from 'vitest';
import { runCli, sourceFolder } from './helpers/cli.js';

const FRONT = `---
document: C17/98
date: 2017-03-31
language: en
title: Accepting warnings
meeting: { name: Council 2017, place: Geneva, start: 2017-05-15, end: 2017-05-25 }
from: report
summary: A test.
action_required: Note it.
---

# One
`;

function check(body: string) {
  const run = runCli(['check', 'source/doc.md'], { cwd: sourceFolder({ 'doc.md': FRONT + body }) });
  return { status: run.status, messages: run.stderr.trim().split('\n').filter(Boolean) };
}

it('silences an accepted warning in the block below the comment, and nowhere else', () => {
  const { status, messages } = check(
    '\n<!-- accept unsafe-link: the address is printed as issued -->\nSee [this](ftp://example.org/a).\n\nAnd [that](ftp://example.org/b).\n',
  );
  expect(status).toBe(0);
  expect(messages).toEqual([
    'source/doc.md:17:5: warning: link to "ftp://example.org/b" dropped, its text kept: only http, https and mailto links, and \"#label\" references, are allowed [unsafe-link]',
  ]);
});

it('warns of an acceptance that silences nothing, and cannot silence an error', () => {
  const { status, messages } = check('\n<!-- accept unsafe-link -->\nPlain words.\n\n<!-- accept ordered-list -->\n1. a numbered list\n');
  expect(status).toBe(1);
  expect(messages).toContain(
    'source/doc.md:14:1: warning: nothing to accept here: the block below has no unsafe-link warning (errors cannot be accepted); remove the comment [unused-accept]',
  );
  expect(messages.some((m) => m.startsWith('source/doc.md:18:1: error:') && m.endsWith('[ordered-list]'))).toBe(true);
  expect(messages.some((m) => m.startsWith('source/doc.md:17:1: warning: nothing to accept here'))).toBe(true);
});

it('does not call a correct acceptance unused when the front matter cannot be read, and the checks it answers did not run', () => {
  const body = '\n<!-- accept unknown-standard standard-status: cited as the issued text cites it -->\nITU-T Y.4999 is cited here.\n';
  const broken = FRONT.replace('title: Accepting warnings', 'title: Accepting warnings: a test');
  const run = runCli(['check', 'source/doc.md'], { cwd: sourceFolder({ 'doc.md': broken + body }) });
  expect(run.status).toBe(1);
  expect(run.stderr.trim().split('\n')).toEqual([
    expect.stringMatching(/^source\/doc\.md:5:8: error: front matter: .* must be in quotes .*\[yaml-syntax\]$/),
    '1 source with errors: nothing written',
  ]);
  // Once the front matter is fixed, the acceptance does its work: no warning at all.
  expect(check(body)).toEqual({ status: 0, messages: [] });
});
