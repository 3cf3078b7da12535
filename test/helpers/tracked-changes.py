#!/usr/bin/python3
# Reads DOCX files with LibreOffice, as a user with Word's "Accept All Changes" or "Reject All
# Changes" would: starts one headless LibreOffice for every file (it takes seconds to start), opens
# each, accepts or rejects every tracked change (or leaves them, "as-is"), and prints what the file
# then says, as JSON: the body in order (a paragraph as its text, a table as its rows of cell texts),
# the notes, and how many tracked changes LibreOffice found in the file before. A paragraph of a
# Word list starts with its number as LibreOffice prints it and what follows the number (a tab), so
# that a number Word counts reads as the same number typed.
#
#   tracked-changes.py <profile folder> accept:a.docx reject:a.docx as-is:b.docx ...
import json
import os
import re
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(pipe, office):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
    deadline = time.time() + 90
    while True:
        try:
            return resolver.resolve(f'uno:pipe,name={pipe};urp;StarOffice.ComponentContext')
        except NoConnectException:
            if office.poll() is not None or time.time() > deadline:
                raise SystemExit(f'LibreOffice did not start (exit {office.poll()})')
            time.sleep(0.25)


def row_of(name):
    return int(re.sub(r'^[A-Z]+', '', name))


def table_rows(table):
    rows = {}
    for name in table.getCellNames():
        rows.setdefault(row_of(name), []).append(table.getCellByName(name).getString())
    return [rows[k] for k in sorted(rows)]


# What follows a list's number, by the level's LabelFollowedBy (com.sun.star.text.LabelFollow).
FOLLOWED_BY = {0: '\t', 1: ' ', 2: '', 3: '\n'}


def label(paragraph):
    number = paragraph.ListLabelString
    if not number:
        return ''
    level = {p.Name: p.Value for p in paragraph.NumberingRules.getByIndex(paragraph.NumberingLevel)}
    return number + FOLLOWED_BY[level.get('LabelFollowedBy', 0)]


def body(text):
    out = []
    items = text.createEnumeration()
    while items.hasMoreElements():
        item = items.nextElement()
        if item.supportsService('com.sun.star.text.TextTable'):
            out.append({'table': table_rows(item)})
        else:
            out.append(label(item) + item.getString())
    return out


def read(desktop, dispatcher, mode, path):
    url = uno.systemPathToFileUrl(os.path.abspath(path))
    doc = desktop.loadComponentFromURL(url, '_blank', 0, (prop('Hidden', True), prop('ReadOnly', False)))
    if doc is None:
        return {'path': path, 'mode': mode, 'error': 'LibreOffice could not open the file'}
    try:
        changes = doc.getRedlines().getCount()
        frame = doc.getCurrentController().getFrame()
        if mode == 'accept':
            dispatcher.executeDispatch(frame, '.uno:AcceptAllTrackedChanges', '', 0, ())
        elif mode == 'reject':
            dispatcher.executeDispatch(frame, '.uno:RejectAllTrackedChanges', '', 0, ())
        notes = doc.getFootnotes()
        return {
            'path': path,
            'mode': mode,
            'changes': changes,
            'left': doc.getRedlines().getCount(),
            'body': body(doc.getText()),
            'notes': [notes.getByIndex(i).getString() for i in range(notes.getCount())],
        }
    finally:
        doc.close(True)


def main():
    profile, jobs = sys.argv[1], sys.argv[2:]
    pipe = f'tracked{os.getpid()}'
    office = subprocess.Popen(
        ['soffice', f'-env:UserInstallation={uno.systemPathToFileUrl(os.path.abspath(profile))}', '--headless',
         '--invisible', '--norestore', '--nologo', '--nodefault', f'--accept=pipe,name={pipe};urp;'],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        context = connect(pipe, office)
        smgr = context.ServiceManager
        desktop = smgr.createInstanceWithContext('com.sun.star.frame.Desktop', context)
        dispatcher = smgr.createInstanceWithContext('com.sun.star.frame.DispatchHelper', context)
        results = []
        for job in jobs:
            mode, path = job.split(':', 1)
            results.append(read(desktop, dispatcher, mode, path))
        json.dump(results, sys.stdout, ensure_ascii=False)
        try:
            desktop.terminate()
        except Exception:
            # The bridge drops as the office quits; that is the end we asked for.
            pass
        office.wait(timeout=30)
    finally:
        if office.poll() is None:
            office.kill()
            office.wait()


main()
