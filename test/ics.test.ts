// The calendar read back by two independent readers, ical.js and Python's
// icalendar (Debian's python3-icalendar), as a calendar application would.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { ROOT, SOURCE, buildSeed, runCli, scratch, sourceFolder } from './helpers/cli.js';

const CATALOGUE = join(ROOT, 'source', 'standards.yaml');

let bytes: Buffer;
let text: string;

beforeAll(() => {
  bytes = readFileSync(join(buildSeed('ics'), 'C17-23-E.ics'));
  text = bytes.toString('utf8');
});

interface Expected {
  start: string;
  /** Exclusive: the day after the last day. */
  end: string;
  location?: string;
  tentative?: boolean;
}

// Every dated event of C17/23, with its dates as the report gives them (section 4 and paragraphs).
const UID = (id: string) => `${id}@c17-23.council.itu.int`;
const EXPECTED: Record<string, Expected> = {
  'world-smart-city-forum-2017': { start: '2017-11-01', end: '2017-12-01', location: 'Barcelona', tentative: true },
  'itu-telecom-world-2017': { start: '2017-09-25', end: '2017-09-29', location: 'Busan, Korea (Republic of)' },
  'itu-d-iot-forum-caribbean-2017': { start: '2017-04-24', end: '2017-04-27', location: 'Port of Spain, Trinidad and Tobago' },
  'green-standards-week-2017': { start: '2017-04-03', end: '2017-04-06', location: 'Manizales, Colombia' },
  'data-management-forum-2017': { start: '2017-03-12', end: '2017-03-13', location: 'Dubai, UAE' },
  'green-standards-week-2016': { start: '2016-09-05', end: '2016-09-10', location: 'Montevideo' },
  'smart-cities-inclusion-meeting-2016': { start: '2016-09-05', end: '2016-09-08', location: 'Montevideo' },
  'ibero-american-digital-cities-meeting-2016': { start: '2016-09-08', end: '2016-09-09', location: 'Montevideo' },
  'new-urban-agenda-forum-2016': { start: '2016-09-09', end: '2016-09-10', location: 'Montevideo' },
  'smart-cities-expert-group-meeting-2016': { start: '2016-07-21', end: '2016-07-22', location: 'Geneva, Switzerland' },
  'world-smart-city-forum-2016': { start: '2016-07-13', end: '2016-07-14', location: 'Singapore' },
  'iot-week-2017': { start: '2017-06-06', end: '2017-06-10', location: 'Geneva, Switzerland' },
  'sg20-meeting-2017-03': { start: '2017-03-01', end: '2017-04-01', location: 'Dubai (UAE)', tentative: true },
  'fg-data-first-meeting-2017': { start: '2017-07-01', end: '2017-08-01', location: 'Geneva', tentative: true },
  'sg17-meeting-2016-09': { start: '2016-09-01', end: '2016-10-01', tentative: true },
  'sg17-sg20-iot-security-session-2017': { start: '2017-03-28', end: '2017-03-29' },
  'u4ssc-first-meeting-2016': { start: '2016-07-21', end: '2016-07-23', location: 'Geneva' },
  'u4ssc-second-meeting-2017': { start: '2017-04-05', end: '2017-04-06', location: 'Manizales, Colombia' },
  'wrc-19': { start: '2019-11-01', end: '2019-12-01', tentative: true },
  'imt-2020-workshop-2017': { start: '2017-10-01', end: '2017-11-01', tentative: true },
  'iot-spectrum-workshop-2016': { start: '2016-11-22', end: '2016-11-23' },
};

function vevents(calendar: string) {
  return new ICAL.Component(ICAL.parse(calendar)).getAllSubcomponents('vevent');
}

/** What Python's icalendar reads: one record per VEVENT. */
function pythonRead(path: string) {
  const script = `
import json, sys
from icalendar import Calendar
cal = Calendar.from_ical(open(sys.argv[1], 'rb').read())
out = {'name': str(cal.get('X-WR-CALNAME')), 'prodid': str(cal.get('PRODID')), 'events': []}
for ev in cal.walk('VEVENT'):
    start, end = ev.decoded('DTSTART'), ev.decoded('DTEND')
    out['events'].append({
        'uid': str(ev.get('UID')), 'summary': str(ev.get('SUMMARY')),
        'start': start.isoformat(), 'end': end.isoformat(), 'startType': type(start).__name__,
        'stamp': ev.decoded('DTSTAMP').isoformat(), 'status': str(ev.get('STATUS', '')),
        'location': str(ev.get('LOCATION', '')), 'description': str(ev.get('DESCRIPTION', '')),
    })
print(json.dumps(out))
`;
  const run = spawnSync('/usr/bin/python3', ['-c', script, path], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as {
    name: string;
    prodid: string;
    events: { uid: string; summary: string; start: string; end: string; startType: string; stamp: string; status: string; location: string; description: string }[];
  };
}

/** A scratch copy of the source folder, with `edit` applied to the source. */
function editedCopy(edit: (source: string) => string): string {
  const dir = scratch();
  mkdirSync(join(dir, 'source'));
  writeFileSync(join(dir, 'source', 'C17-23.md'), edit(readFileSync(SOURCE, 'utf8')));
  copyFileSync(CATALOGUE, join(dir, 'source', 'standards.yaml'));
  return dir;
}

function build(dir: string, env: NodeJS.ProcessEnv = {}): Buffer {
  const run = runCli(['build', join(dir, 'source'), '--out', join(dir, 'out'), '--format', 'ics', '--quiet'], { env });
  expect(run.status, run.stderr).toBe(0);
  return readFileSync(join(dir, 'out', 'C17-23-E.ics'));
}

describe('calendar of C17/23-E', () => {
  it('ends every line in CRLF and keeps every line within 75 octets', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.slice(0, -2).split('\r\n');
    for (const line of lines) {
      expect(line).not.toMatch(/[\r\n]/);
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    }
    // Long descriptions are folded, not cut: the reader sees them whole.
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
  });

  it('holds every dated event of the report, with its dates and place, read by ical.js', () => {
    const found = Object.fromEntries(
      vevents(text).map((ev) => {
        const start = ev.getFirstPropertyValue('dtstart') as ICAL.Time;
        const end = ev.getFirstPropertyValue('dtend') as ICAL.Time;
        expect(start.isDate && end.isDate).toBe(true);
        const record: Expected = { start: start.toString(), end: end.toString() };
        const location = ev.getFirstPropertyValue('location');
        if (location) record.location = String(location);
        if (ev.getFirstPropertyValue('status') === 'TENTATIVE') record.tentative = true;
        return [String(ev.getFirstPropertyValue('uid')), record];
      }),
    );
    expect(found).toEqual(Object.fromEntries(Object.entries(EXPECTED).map(([id, e]) => [UID(id), e])));
  });

  it('gives every event UID, DTSTAMP, an all-day DTSTART and a later, exclusive DTEND', () => {
    const events = vevents(text);
    expect(events).toHaveLength(Object.keys(EXPECTED).length);
    for (const ev of events) {
      for (const property of ['uid', 'dtstamp', 'dtstart', 'dtend', 'summary', 'description']) {
        expect(ev.getFirstPropertyValue(property), property).toBeTruthy();
      }
      expect(ev.getFirstProperty('dtstart')!.type).toBe('date');
      expect(ev.getFirstProperty('dtend')!.type).toBe('date');
      const start = ev.getFirstPropertyValue('dtstart') as ICAL.Time;
      const end = ev.getFirstPropertyValue('dtend') as ICAL.Time;
      expect(end.compare(start)).toBe(1);
    }
    expect(text).toMatch(/^DTSTART;VALUE=DATE:\d{8}\r$/m);
  });

  it('is read the same by Python icalendar: dates, TENTATIVE months, places, a description naming the document', () => {
    const dir = scratch();
    const path = join(dir, 'C17-23-E.ics');
    writeFileSync(path, bytes);
    const read = pythonRead(path);
    expect(read.name).toBe('Events in C17/23-E');
    expect(read.prodid).toBe('-//ITU//council-docs//EN');
    expect(read.events).toHaveLength(Object.keys(EXPECTED).length);
    for (const ev of read.events) {
      const id = ev.uid.replace(/@c17-23\.council\.itu\.int$/, '');
      const expected = EXPECTED[id]!;
      expect(expected, ev.uid).toBeDefined();
      expect([ev.start, ev.end, ev.startType]).toEqual([expected.start, expected.end, 'date']);
      expect(ev.status).toBe(expected.tentative ? 'TENTATIVE' : '');
      expect(ev.location).toBe(expected.location ?? '');
      expect(ev.stamp).toBe('2017-03-31T00:00:00+00:00');
      expect(ev.description).toContain('C17/23-E');
    }
    const wrc = read.events.find((e) => e.uid === UID('wrc-19'))!;
    expect(wrc.summary).toBe('World Radiocommunication Conference 2019');
    const part = read.events.find((e) => e.uid === UID('ibero-american-digital-cities-meeting-2016'))!;
    expect(part.description).toContain('Part of Green Standards Week');
  });

  it('sets no time zone, so all-day dates cannot shift', () => {
    expect(text).not.toMatch(/^(BEGIN:VTIMEZONE|X-WR-TIMEZONE|TZID)/m);
    expect(text).not.toMatch(/;TZID=/);
  });

  it('keeps its bytes and UIDs across a rebuild in another time zone and an edit of a paragraph', () => {
    const again = build(editedCopy((s) => s), { TZ: 'Pacific/Kiritimati' });
    expect(again.equals(bytes)).toBe(true);
    const edited = editedCopy((s) => {
      const changed = s.replace('A Global Portal on IoT', 'A new paragraph.\n\nA Global Portal on IoT');
      expect(changed).not.toBe(s);
      return changed;
    });
    const afterEdit = build(edited, { TZ: 'America/Los_Angeles' });
    expect(afterEdit.equals(bytes)).toBe(true);
    // An event added elsewhere in the list leaves the others' UIDs as they were.
    const added = build(
      editedCopy((s) =>
        s.replace('events:\n', 'events:\n  - id: an-added-event\n    title: Added\n    date: 2017-01-02\n'),
      ),
    ).toString('utf8');
    const uids = (calendar: string) => vevents(calendar).map((ev) => String(ev.getFirstPropertyValue('uid')));
    expect(uids(added)).toEqual([UID('an-added-event'), ...uids(text)]);
  });

  it('takes DTSTAMP from SOURCE_DATE_EPOCH when it is set', () => {
    const stamped = build(editedCopy((s) => s), { SOURCE_DATE_EPOCH: '1500000000' }).toString('utf8');
    const stamps = new Set(vevents(stamped).map((ev) => String(ev.getFirstPropertyValue('dtstamp'))));
    expect([...stamps]).toEqual(['2017-07-14T02:40:00Z']);
  });

  it('escapes newlines, commas and semicolons in event text: nothing becomes a property', () => {
    const hostile = build(
      editedCopy((s) =>
        s.replace(
          'events:\n',
          [
            'events:',
            '  - id: hostile',
            '    title: "Forum; part 1, part 2\\nDTSTART;VALUE=DATE:19700101\\nEND:VEVENT"',
            '    date: 2017-01-02',
            '    location: "Geneva; Room A, \\\\ floor 2\\nSTATUS:CANCELLED"',
            '',
          ].join('\n'),
        ),
      ),
    ).toString('utf8');
    const events = vevents(hostile);
    expect(events).toHaveLength(Object.keys(EXPECTED).length + 1);
    const ev = events.find((e) => e.getFirstPropertyValue('uid') === UID('hostile'))!;
    expect(ev.getFirstPropertyValue('summary')).toBe('Forum; part 1, part 2\nDTSTART;VALUE=DATE:19700101\nEND:VEVENT');
    expect(ev.getFirstPropertyValue('location')).toBe('Geneva; Room A, \\ floor 2\nSTATUS:CANCELLED');
    expect(ev.getAllProperties('dtstart')).toHaveLength(1);
    expect(ev.getFirstPropertyValue('status')).toBeNull();
    expect(hostile).toContain('SUMMARY:Forum\\; part 1\\, part 2\\nDTSTART\\;VALUE=DATE:19700101\\nEND:VEVENT');
  });
});

describe('a document without events', () => {
  it('gets no calendar, since a calendar needs at least one event, and an old one is removed', () => {
    const dir = sourceFolder({
      'C17-96.md': `---
document: C17/96
date: 2017-03-31
language: en
title: No events
meeting: { name: Council 2017, place: Geneva, start: 2017-05-15, end: 2017-05-25 }
from: report
summary: A test.
action_required: Note it.
---

# One

Words and no dates.
`,
    });
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'out', 'C17-96-E.ics'), 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
    const run = runCli(['build', 'source', '--out', 'out', '--format', 'html,ics'], { cwd: dir });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('[1/1] source/C17-96.md: wrote out/C17-96-E.html, out/C17-96-E.meta.json; removed out/C17-96-E.ics (nothing to put in it)\n');
    expect(readdirSync(join(dir, 'out'))).toEqual(['C17-96-E.html', 'C17-96-E.meta.json']);
  });
});
