// A source written to attack the tool and its readers (scripts, frames, event
// handlers, javascript: and file: links, template syntax, calendar and XML
// specials) builds into outputs where nothing is active and nothing comes from
// outside, and its words are still there. Each output is read back by an
// independent reader: an HTML parser, poppler and qpdf, python-docx, python's
// icalendar.
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { Root } from 'hast';
import { ROOT, runCli, scratch, type Run } from './helpers/cli.js';

const HOSTILE = join(ROOT, 'test', 'fixtures', 'hostile.md');
const STEM = 'C17-98-E';

let out: string;
let run: Run;
const file = (suffix: string) => join(out, STEM + suffix);

beforeAll(() => {
  out = scratch();
  run = runCli(['build', HOSTILE, '--out', out, '--quiet']);
});

const words = (text: string) => text.replace(/\s+/g, ' ');

describe('a hostile source', () => {
  it('builds, and says in a warning what it dropped and what it kept', () => {
    expect(run.status, run.stderr).toBe(0);
    const warnings = run.stderr.trim().split('\n');
    for (const w of warnings) expect(w).toMatch(/^\S+:\d+:\d+: warning: .+ \[[a-z-]+\]$/);
    const at = (place: string, rule: string, words: string) =>
      expect(warnings.find((w) => w.startsWith(`${HOSTILE}:${place}: warning: `) && w.endsWith(`[${rule}]`)), `${place} ${rule}`).toContain(words);
    at('30:8', 'raw-html', 'raw HTML "<script>" dropped with all up to its "</script>"');
    at('30:100', 'raw-html', 'raw HTML "<img src=\\"file:///etc/passwd\\">" dropped, the words around it kept');
    at('32:1', 'raw-html', 'dropped: it holds no words');
    at('36:1', 'raw-html', 'raw HTML "<iframe src=\\"file:///etc/passwd\\"></iframe>" dropped');
    at('44:8', 'unsafe-link', 'link to "javascript:alert(1)" dropped, its text kept');
    at('44:146', 'unsafe-link', 'link to "file:///etc/passwd" dropped, its text kept');
    at('44:367', 'image', 'image "file:///etc/passwd" dropped');
    // An author's comment is a note, not a problem.
    expect(run.stderr).not.toContain(':42:');
  });
});

describe('its HTML', () => {
  let html: string;
  let tree: Root;
  beforeAll(() => {
    html = readFileSync(file('.html'), 'utf8');
    tree = fromHtml(html);
  });

  it('has no script, frame, object, embed, form or SVG, and the only style is the template’s own', () => {
    expect(selectAll('script, iframe, frame, object, embed, applet, form, svg, math, base, link, meta[http-equiv]', tree)).toEqual([]);
    expect(selectAll('style', tree)).toHaveLength(1);
    expect(selectAll('img', tree).map((img) => String(img.properties.src).slice(0, 22))).toEqual(['data:image/svg+xml;bas']);
  });

  it('has no event handler, no style attribute and no link or source outside http, https and mailto', () => {
    const problems: string[] = [];
    for (const node of selectAll('*', tree)) {
      for (const [name, value] of Object.entries(node.properties)) {
        if (/^on/i.test(name)) problems.push(`${node.tagName} ${name}`);
        if (name === 'style') problems.push(`${node.tagName} style="${String(value)}"`);
        if (name === 'href' && !/^(https?:\/\/|mailto:|#)/i.test(String(value))) problems.push(`${node.tagName} href="${String(value)}"`);
        if (name === 'src' && !String(value).startsWith('data:image/')) problems.push(`${node.tagName} src="${String(value)}"`);
      }
    }
    expect(problems).toEqual([]);
    expect(html).not.toMatch(/(href|src|action)\s*=\s*["']?\s*(javascript|vbscript|file|data:text)/i);
    expect(html).not.toMatch(/evil\.example\/(x\.png|bg\.png|x\.swf|pixel\.png)/);
    // The page's own CSS fetches nothing.
    const css = selectAll('style', tree).map((s) => toText(s)).join('\n');
    expect(css).not.toMatch(/url\(\s*['"]?(?!data:)/i);
    expect(css).not.toMatch(/@import/i);
  });

  it('keeps the words around what it dropped, and template syntax as text', () => {
    const text = words(toText(tree));
    expect(text).toContain('Inline script, frame, image, styled words and an anchor.');
    expect(text).not.toContain('alert("inline")');
    expect(text).toContain('Template syntax stays text: {{title}}, {{{meta.title}}}, {{> partial}}, {{#each sections}}x{{/each}}, ${process.exit()}, <%= 1 %>.');
    expect(text).toContain('Hostile {{title}} {{{raw}}} {{> partial}} & <b>bold</b> "double" \'single\' ]]>');
    expect(text).toContain('A summary with {{summary}}');
    expect(text).toContain('The Council is invited to note {{{the}}} report.');
    expect(text).toContain('XML and CSV specials: & & < > “ ‘ ]]>');
    expect(text).toContain('Links: javascript, upper case, data, file, vbscript, entity, javascript:alert(2), protocol relative');
    // A paragraph of nothing but dropped HTML gets no number: 1.2 is the next paragraph with words.
    expect(words(toText(selectAll('#para-1\\.2', tree)[0]!))).toMatch(/^1\.2 ?Links:/);
  });
});

describe('its PDF', () => {
  let text: string;
  let pdf: string;
  beforeAll(() => {
    text = words(execFileSync('pdftotext', ['-enc', 'UTF-8', file('.pdf'), '-'], { encoding: 'utf8' }));
    pdf = execFileSync('qpdf', ['--qdf', '--object-streams=disable', file('.pdf'), '-'], { encoding: 'latin1', maxBuffer: 64 << 20 });
  });

  it('holds the words, template syntax as text, and nothing read from outside', () => {
    expect(text).toContain('Inline script, frame, image, styled words and an anchor.');
    expect(text).toContain('{{title}}, {{{meta.title}}}, {{> partial}}');
    expect(text).not.toContain('root:x:0:0');
    expect(text).not.toContain('alert("inline")');
  });

  it('has no script, no launch action, and links only to http and https', () => {
    expect(pdf).not.toMatch(/\/(JavaScript|JS|Launch|SubmitForm|ImportData|GoToR|RichMedia)\b/);
    const uris = [...pdf.matchAll(/\/URI \(([^)]*)\)/g)].map((m) => m[1]!);
    expect(uris.length).toBeGreaterThan(0);
    for (const uri of uris) expect(uri).toMatch(/^https?:\/\//);
  });
});

describe('its DOCX', () => {
  const READ = `
import docx, json, sys
d = docx.Document(sys.argv[1])
rels = [r.target_ref for r in d.part.rels.values() if r.is_external]
print(json.dumps({"paragraphs": [p.text for p in d.paragraphs], "links": rels}))
`;
  let reading: { paragraphs: string[]; links: string[] };
  beforeAll(() => {
    reading = JSON.parse(execFileSync('/usr/bin/python3', ['-c', READ, file('.docx')], { encoding: 'utf8' }));
  });

  it('keeps XML specials and template syntax as the author wrote them', () => {
    const all = reading.paragraphs.join('\n');
    expect(all).toContain('Hostile {{title}} {{{raw}}} {{> partial}} & <b>bold</b> "double" \'single\' ]]>');
    expect(all).toContain('XML and CSV specials: & & < > “ ‘ ]]> =HYPERLINK(“https://evil.example”,”click”); a, b; c \\ d');
    expect(all).toContain('Template syntax stays text: {{title}}, {{{meta.title}}}');
    expect(all).toContain('Inline script, frame,');
    expect(all).not.toContain('alert("inline")');
  });

  it('links only to http and https', () => {
    expect(reading.links.length).toBeGreaterThan(0);
    for (const link of reading.links) expect(link).toMatch(/^https?:\/\//);
  });
});

describe('its calendar', () => {
  const READ = `
import icalendar, json, sys
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
print(json.dumps([{k: (v.to_ical().decode() if hasattr(v, 'to_ical') else str(v)) for k, v in e.items()} for e in cal.walk('VEVENT')]))
`;
  it('keeps newlines, commas and semicolons inside the event text: nothing becomes a property', () => {
    const events = JSON.parse(execFileSync('/usr/bin/python3', ['-c', READ, file('.ics')], { encoding: 'utf8' })) as Record<string, string>[];
    expect(events).toHaveLength(1);
    const [event] = events as [Record<string, string>];
    expect(Object.keys(event).sort()).not.toContain('ATTENDEE');
    expect(Object.keys(event)).not.toContain('X-INJECTED');
    expect(event['DTSTART']).toBe('20170606');
    const calendar = readFileSync(file('.ics'), 'utf8');
    expect(calendar.match(/^BEGIN:VEVENT/gm)).toHaveLength(1);
    expect(calendar.match(/^END:VEVENT/gm)).toHaveLength(1);
    expect(calendar.match(/^DTSTART/gm)).toHaveLength(1);
    expect(calendar).not.toMatch(/^(ATTENDEE|X-INJECTED)/m);
  });
});

describe('its standards annex as CSV', () => {
  it('keeps a title that looks like a formula as text', () => {
    const csv = readFileSync(file('-standards.csv'), 'utf8');
    const cells = csv.split('\r\n')[1]!.split('","');
    expect(cells[1]).toBe("'=cmd|’ /C calc’!A0");
    expect(csv).not.toMatch(/(^|,)"?[=+@-]/m);
  });
});

describe('a logo from outside the templates', () => {
  it('is refused, also through a symbolic link, and nothing of it is written', () => {
    const templates = join(scratch(), 'templates');
    cpSync(join(ROOT, 'templates'), templates, { recursive: true });
    const secret = join(scratch(), 'secret.svg');
    writeFileSync(secret, '<svg xmlns="http://www.w3.org/2000/svg"><text>secret</text></svg>');
    rmSync(join(templates, 'logo.svg'));
    symlinkSync(secret, join(templates, 'logo.svg'));
    const target = scratch();
    const linked = runCli(['build', join(ROOT, 'test', 'fixtures', 'unusual', 'bom.md'), '--out', target, '--format', 'html', '--templates', templates]);
    expect(linked.status).toBe(3);
    expect(linked.stderr).toMatch(/logo "logo\.svg" is outside .*templates: copy it into that folder/);
    expect(linked.stderr).not.toMatch(/^\s+at /m);
    writeFileSync(join(templates, 'settings.yaml'), `logo: ${secret}\n`);
    const absolute = runCli(['build', join(ROOT, 'test', 'fixtures', 'unusual', 'bom.md'), '--out', target, '--format', 'html', '--templates', templates]);
    expect(absolute.status).toBe(3);
    expect(absolute.stderr).toContain('is outside');
    expect(readdirSync(target)).toEqual([]);
    expect(readFileSync(secret, 'utf8')).toContain('secret');
  });
});
