// The event rules as an author meets them: `council-docs check` on a source
// with the mistake, the message at its line and column, exit 1.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, sourceFolder } from './helpers/cli.js';

const FRONT = `---
document: C17/99
date: 2017-03-31
language: en
title: Events under test
meeting:
  name: Council 2017
  place: Geneva
  start: 2017-05-15
  end: 2017-05-25
from: report
summary: A test.
action_required: Note it.
`;

/** Checks one source written in a scratch folder; its messages as printed, relative to that folder. */
function check(text: string) {
  const run = runCli(['check', join('source', 'doc.md')], { cwd: sourceFolder({ 'doc.md': text }) });
  return { status: run.status, lines: run.stderr.split('\n').filter((l) => l.startsWith('source/')) };
}

describe('event rules', () => {
  // Line numbers of this source: 14 "events:", 18 the first end, 27 the second "twice".
  const source =
    FRONT +
    `events:
  - id: backwards
    title: Backwards
    start: 2017-06-09
    end: 2017-06-06
  - id: twice
    title: Once
    date: 2017-01-10
  - id: week
    title: A week
    start: 2017-02-06
    end: 2017-02-10
    parts:
      - id: twice
        title: Again
        date: 2017-02-07
      - id: late-part
        title: Late
        date: 2017-02-12
---

# Section

See [the meeting](event:twise), [the other](event:twice) and <event:week>.

- <event:nowhere>
- <event:week>
`;

  it('reports each mistake at its place and writes nothing', () => {
    const { status, lines } = check(source);
    expect(status).toBe(1);
    expect(lines).toEqual([
      'source/doc.md:18:10: error: event "backwards" ends (2017-06-06) before it starts (2017-06-09) [event-dates]',
      'source/doc.md:27:13: error: two events have the id "twice" (the first on line 19): an event is described once and referred to as often as needed; give a different event another id [duplicate-event]',
      'source/doc.md:32:15: error: "late-part" is a part of "week" but falls outside it (2017-02-06 to 2017-02-10): fix its dates or the event\'s [event-dates]',
      'source/doc.md:37:5: error: no event "twise" in the front matter: did you mean "twice"? [unknown-event]',
      'source/doc.md:37:62: error: a reference to event "week" needs the words it links: [IoT Week 2017](event:week); "<event:week>" is only for a list item on its own, which lists the event [event-words]',
      'source/doc.md:39:3: error: no event "nowhere" in the front matter: add it to "events" in the front matter [unknown-event]',
    ]);
  });

  it('refuses impossible dates and incomplete dating where they stand', () => {
    const { status, lines } = check(
      FRONT +
        `events:
  - id: leap
    title: Not a leap year
    date: 2017-02-29
  - id: thirteenth
    title: No such month
    month: 2017-13
  - id: two-dates
    title: Dated twice
    date: 2017-03-01
    month: 2017-03
  - id: open-ended
    title: No end
    start: 2017-03-01
  - id: Bad_Id
    title: Bad id
    date: 2017-03-01
---

# Section

Text.
`,
    );
    expect(status).toBe(1);
    expect(lines).toEqual([
      'source/doc.md:17:11: error: "events[0].date": 2017-02-29 is not a date: that month has 28 days [invalid-value]',
      'source/doc.md:20:12: error: "events[1].month": 2017-13 is not a month: there is no month 13 [invalid-value]',
      'source/doc.md:21:5: error: "events[2]": the event is dated twice (date and month): keep one [invalid-value]',
      'source/doc.md:25:5: error: "events[3]": an event with "start" needs "end" too (or use "date" for one day) [invalid-value]',
      'source/doc.md:28:9: error: "events[4].id": an event id is lower-case letters and digits joined by "-", e.g. iot-week-2017 [invalid-value]',
    ]);
  });

  it('accepts a sound source: one event referred to twice, listed with its parts', () => {
    const { status, lines } = check(
      FRONT +
        `events:
  - id: week
    title: A week
    start: 2017-02-06
    end: 2017-02-10
    location: Geneva, Switzerland
    parts:
      - id: first-day
        title: Opening
        date: 2017-02-06
  - id: wrc-19
    title: World Radiocommunication Conference 2019
    month: 2019-11
---

# Section

The [week](event:week) and, again, [that week](event:week), before the [WRC](event:wrc-19).

- <event:week>
`,
    );
    expect(lines).toEqual([]);
    expect(status).toBe(0);
  });
});
