import type { Rule } from '../rule.js';

export const meetingDates: Rule = {
  id: 'meeting-dates',
  severity: 'error',
  check({ meta }, report) {
    if (meta && meta.meeting.end < meta.meeting.start) {
      report(
        `the meeting ends (${meta.meeting.end}) before it starts (${meta.meeting.start})`,
        meta.places['meeting.end'],
      );
    }
  },
};
