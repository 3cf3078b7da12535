// A DOCX's text as LibreOffice reads it, after accepting or rejecting every tracked change, through
// its UNO bridge (python3-uno): the way a delegate's word processor decides a revision's changes.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { scratch } from './cli.js';

const SCRIPT = String.raw`
import json, os, subprocess, sys, time
import uno
from com.sun.star.beans import PropertyValue

profile, readings = sys.argv[1], json.loads(sys.argv[2])
pipe = 'council-docs-%d' % os.getpid()
office = subprocess.Popen(
    ['soffice', '-env:UserInstallation=' + uno.systemPathToFileUrl(profile), '--headless', '--invisible',
     '--norestore', '--nologo', '--accept=pipe,name=%s;urp;' % pipe],
    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p

def redlines(doc):
    found = doc.Redlines.createEnumeration()
    count = 0
    while found.hasMoreElements():
        found.nextElement()
        count += 1
    return count

# A paragraph of a Word list: its number as printed, and what follows it (LabelFollowedBy: tab, space, nothing, new line).
FOLLOWED_BY = {0: '\t', 1: ' ', 2: '', 3: '\n'}

def label(paragraph):
    if not paragraph.ListLabelString:
        return ''
    level = {p.Name: p.Value for p in paragraph.NumberingRules.getByIndex(paragraph.NumberingLevel)}
    return paragraph.ListLabelString + FOLLOWED_BY[level.get('LabelFollowedBy', 0)]

desktop = None
try:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
    for _ in range(240):
        try:
            ctx = resolver.resolve('uno:pipe,name=%s;urp;StarOffice.ComponentContext' % pipe)
            break
        except Exception:
            time.sleep(0.25)
    else:
        raise SystemExit('LibreOffice did not start')
    desktop = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
    results = []
    for path, mode in readings:
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(path)), '_blank', 0, (prop('Hidden', True),))
        tracked = redlines(doc)
        if mode != 'as-is':
            dispatch = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.DispatchHelper', ctx)
            command = '.uno:AcceptAllTrackedChanges' if mode == 'accept' else '.uno:RejectAllTrackedChanges'
            dispatch.executeDispatch(doc.CurrentController.Frame, command, '', 0, ())
        texts = []
        parts = doc.Text.createEnumeration()
        while parts.hasMoreElements():
            part = parts.nextElement()
            if part.supportsService('com.sun.star.text.TextTable'):
                for row in part.getDataArray():
                    texts.append(' | '.join(str(cell) for cell in row))
            else:
                texts.append(label(part) + part.String)
        results.append({'tracked': tracked, 'left': redlines(doc), 'texts': texts})
        doc.close(True)
    print(json.dumps(results))
finally:
    if desktop is not None:
        try:
            desktop.terminate()
        except Exception:
            pass
    try:
        office.wait(timeout=30)
    except subprocess.TimeoutExpired:
        office.kill()
`;

export interface OfficeReading {
  /** How many tracked changes the file holds. */
  tracked: number;
  /** How many are left after deciding them (0 once all are accepted or rejected). */
  left: number;
  /** The body's paragraphs, a list's number and the tab after it first, and each table as one line a row, cells joined by " | ". */
  texts: string[];
}

export type Decision = 'as-is' | 'accept' | 'reject';

/**
 * Opens each DOCX in LibreOffice, decides every tracked change as its mode says, and reads its
 * text: all in one LibreOffice, which takes long to start.
 */
export function officeTexts(readings: [path: string, mode: Decision][]): OfficeReading[] {
  // A profile of its own per run, so readings in parallel do not share one LibreOffice.
  const profile = join(scratch('council-docs-lo-'), 'profile');
  const out = execFileSync('/usr/bin/python3', ['-c', SCRIPT, profile, JSON.stringify(readings)], { encoding: 'utf8', timeout: 300_000 });
  return JSON.parse(out) as OfficeReading[];
}
