// A translation beside its original (C18-70.fr.md beside C18-70.md): built with the original's
// data and its own words, checked piece by piece against the original, and told when the original
// changed since it was last aligned.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { ROOT, runCli, sourceFolder } from './helpers/cli.js';
import { calendarEvents } from './helpers/outputs.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'translation');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

/** A project holding the original, its catalogue and a translation edited by `edit`. */
function project(edit: (french: string) => string = (t) => t, original = fixture('C18-70.md')): string {
  return sourceFolder({
    'C18-70.md': original,
    'C18-70.fr.md': edit(fixture('C18-70.fr.md')),
    'C18-70.fr.aligned.yaml': fixture('C18-70.fr.aligned.yaml'),
    'standards.yaml': fixture('standards.yaml'),
  });
}

function lineOf(text: string, words: string): number {
  return text.split('\n').findIndex((line) => line.includes(words)) + 1;
}

/** A calendar's event titles by UID. */
function titlesByUid(path: string): Map<string, string> {
  return new Map(calendarEvents(readFileSync(path, 'utf8')).map((event) => [event.uid, event.summary]));
}

describe('a translation beside its original', () => {
  it('is built with its own words and the original’s data', () => {
    const dir = project();
    const run = runCli(['build', 'source', '--out', 'out', '-f', 'html,ics,csv', '--quiet'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(
      [
        'C18-70-E-standards.csv',
        'C18-70-E.html',
        'C18-70-E.ics',
        'C18-70-E.meta.json',
        'C18-70-F-standards.csv',
        'C18-70-F.html',
        'C18-70-F.ics',
        'C18-70-F.meta.json',
      ],
    );
    const page = fromHtml(readFileSync(join(dir, 'out', 'C18-70-F.html'), 'utf8'));
    expect(select('html', page)!.properties['lang']).toBe('fr');
    const text = toText(select('body', page)!);
    // The original's number, agenda item and date; the translation's title and meeting.
    expect(text).toContain('C18/70-F');
    expect(text).toContain('PL 1.9');
    expect(text).toContain('20 mars 2018');
    expect(text).toContain('Conseil 2018');
    expect(text).toMatch(/RAPPORT SUR LES FORUMS RÉGIONAUX/i);
    // The forums list is made from the original's dates and the translation's titles and places.
    expect(text).toContain('Forum régional sur l’inclusion financière numérique pour l’Afrique');
    expect(text).toContain('Le Caire (Égypte)');

    // The same events in both calendars, by UID, with the words of each language.
    const english = titlesByUid(join(dir, 'out', 'C18-70-E.ics'));
    const french = titlesByUid(join(dir, 'out', 'C18-70-F.ics'));
    expect([...french.keys()].sort()).toEqual([...english.keys()].sort());
    expect(french.get('dfi-symposium-2017@c18-70.council.itu.int')).toBe('Colloque mondial sur l’inclusion financière numérique');
    expect(english.get('dfi-symposium-2017@c18-70.council.itu.int')).toBe('Global Symposium on Digital Financial Inclusion');

    // "UIT-T Y.4113" is the standard the original cites as "ITU-T Y.4113", with the original's status.
    const row = (name: string) => readFileSync(join(dir, 'out', name), 'utf8').split('\r\n')[1]!;
    expect(row('C18-70-E-standards.csv')).toContain('"ITU-T Y.4113","Requirements of the network for the Internet of Things","2016-09","Approved"');
    expect(row('C18-70-F-standards.csv')).toBe(row('C18-70-E-standards.csv').replace('"Approved"', '"Approuvée"'));
  });

  it('is refused when a paragraph is missing, at its place, naming the original’s paragraph', () => {
    const dropped = 'Le [forum du Caire](event:dfi-forum-africa-2017) a examiné les mesures réglementaires prises dans\n12 pays de la région.\n\n';
    const dir = project((t) => t.replace(dropped, ''));
    const run = runCli(['build', 'source', '--out', 'out'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(existsSync(join(dir, 'out'))).toBe(false);
    const translation = readFileSync(join(dir, 'source', 'C18-70.fr.md'), 'utf8');
    const next = lineOf(translation, '^ Ses conclusions');
    const original = lineOf(fixture('C18-70.md'), 'The [forum in Cairo]');
    expect(run.stderr).toContain(
      `source/C18-70.fr.md:${next}:1: error: the original's paragraph 1.2 (C18-70.md:${original}) is missing from this translation`,
    );
  });

  it('tells which of several look-alike paragraphs is missing by their figures and length', () => {
    // Neither paragraph cites anything: the first's figures (2017, 240, 57) tell them apart.
    const dir = project((t) => t.replace(/^En 2017, l'UIT[^]*?États Membres\.\n\n/m, ''));
    const run = runCli(['check', 'source'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`the original's paragraph 1.1 (C18-70.md:${lineOf(fixture('C18-70.md'), 'In 2017 ITU held')}) is missing`);
    expect(run.stderr.match(/translation-alignment/g)).toHaveLength(1);
  });

  it('is refused when a paragraph cites other events or standards than the original’s, or one more paragraph', () => {
    const dir = project((t) =>
      t
        .replace('Le [colloque de Genève](event:dfi-symposium-2017)', 'Le [colloque de Genève](event:dfi-forum-africa-2017)')
        .replace('# Normes\n', '# Normes\n\nUn paragraphe que l’original n’a pas.\n'),
    );
    const run = runCli(['check', 'source'], { cwd: dir });
    expect(run.status).toBe(1);
    const translation = readFileSync(join(dir, 'source', 'C18-70.fr.md'), 'utf8');
    expect(run.stderr).toContain(
      `C18-70.fr.md:${lineOf(translation, 'Le [colloque de Genève]')}:1: error: this should be the original's paragraph 1.3`,
    );
    expect(run.stderr).toContain('it does not cite event "dfi-symposium-2017", which the original does');
    expect(run.stderr).toContain(`C18-70.fr.md:${lineOf(translation, 'Un paragraphe que')}:1: error: this paragraph has no counterpart in the original`);
  });

  it('gives every event of the original its words, and no event the original has not', () => {
    const dir = project((t) =>
      t.replace('  dfi-symposium-2017:\n    title: Colloque mondial sur l\'inclusion financière numérique\n', '  dfi-symposium-2018:\n    title: Colloque mondial\n'),
    );
    const run = runCli(['check', 'source'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('the original (C18-70.md) has no event "dfi-symposium-2018"');
    expect(run.stderr).toContain('event "dfi-symposium-2017" of the original has no title in this language');
  });

  it('says the language its file name gives', () => {
    const dir = project((t) => t.replace('language: fr', 'language: es'));
    const run = runCli(['check', 'source'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/C18-70\.fr\.md:3:11: error: the file name says "fr" but "language" says "es"/);
  });

  it('names the paragraphs of the original changed since it was aligned, and not those only renumbered', () => {
    const dir = project();
    rmSync(join(dir, 'source', 'C18-70.fr.aligned.yaml'));
    expect(runCli(['check', 'source'], { cwd: dir }).stderr).toContain('[translation-unaligned]');
    const aligned = runCli(['align', 'source/C18-70.fr.md'], { cwd: dir });
    expect(aligned.stderr).toBe('');
    expect(aligned.stdout).toBe('recorded source/C18-70.fr.aligned.yaml\n');
    expect(runCli(['check', 'source'], { cwd: dir }).stderr).toBe('');

    // The original changes a word of 1.2 and gains a paragraph before 2.1; the translation follows
    // with the new paragraph only.
    const original = join(dir, 'source', 'C18-70.md');
    writeFileSync(
      original,
      readFileSync(original, 'utf8')
        .replace('12 countries of the region', '14 countries of the region')
        .replace('# Standards\n', '# Standards\n\nTwo new Recommendations were approved in 2018.\n'),
    );
    const french = join(dir, 'source', 'C18-70.fr.md');
    writeFileSync(french, readFileSync(french, 'utf8').replace('# Normes\n', '# Normes\n\nDeux nouvelles Recommandations ont été approuvées en 2018.\n'));
    const run = runCli(['check', 'source'], { cwd: dir });
    expect(run.status).toBe(0);
    const warnings = run.stderr.split('\n').filter((l) => l.includes('[translation-outdated]'));
    const translation = readFileSync(french, 'utf8');
    expect(warnings).toEqual([
      expect.stringContaining(`C18-70.fr.md:${lineOf(translation, 'Le [forum du Caire]')}:1: warning: the original's paragraph 1.2 (C18-70.md:`),
      expect.stringContaining(`C18-70.fr.md:${lineOf(translation, 'Deux nouvelles')}:1: warning: the original's paragraph 2.1 (C18-70.md:`),
    ]);

    // Aligning again answers them; the original itself is not a translation to align.
    expect(runCli(['align', 'source/C18-70.fr.md'], { cwd: dir }).status).toBe(0);
    expect(runCli(['check', 'source'], { cwd: dir }).stderr).toBe('');
    const refused = runCli(['align', 'source/C18-70.md'], { cwd: dir });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('align takes translations');
  });
});
