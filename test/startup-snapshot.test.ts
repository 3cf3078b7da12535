// The command as a user runs it (dist/cli/council-docs) starts Node from the startup
// snapshot `make` made; what it writes must be what the program run from its bundle writes.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT, SOURCE, scratch } from './helpers/cli.js';

const COMMAND = join(ROOT, 'dist', 'cli', 'council-docs');

function build(command: string, args: string[], env: NodeJS.ProcessEnv = {}): string {
  const out = scratch();
  const run = spawnSync(command, [...args, 'build', SOURCE, '--out', out, '--quiet', '--format', 'html,docx,ics,csv'], {
    env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000', ...env },
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
  return out;
}

describe('the council-docs command', () => {
  it('has a startup snapshot for this Node', () => {
    expect(readdirSync(join(ROOT, 'dist', 'cli'))).toContain(`council-docs-${process.version}.blob`);
  });

  it('writes from its snapshot what the program writes from its bundle, byte for byte', () => {
    const fromSnapshot = build(COMMAND, []);
    const fromBundle = build(process.execPath, [CLI]);
    const names = readdirSync(fromBundle).sort();
    expect(readdirSync(fromSnapshot).sort()).toEqual(names);
    expect(names).toContain('C17-23-E.docx');
    for (const name of names) expect(readFileSync(join(fromSnapshot, name)).equals(readFileSync(join(fromBundle, name))), name).toBe(true);
  });

  it('still runs when NODE_OPTIONS sets V8 flags, under which Node refuses the snapshot', () => {
    const out = build(COMMAND, [], { NODE_OPTIONS: '--max-old-space-size=2048' });
    expect(readdirSync(out)).toContain('C17-23-E.html');
  });

  // Node reads these certificates at start-up, before any code runs; the command opens no TLS
  // connection and leaves them unread. A path that does not exist shows whether they were read:
  // Node warns that it ignores them.
  it.each([
    ['from its snapshot', {}],
    ['from its bundle', { NODE_OPTIONS: '--max-old-space-size=2048' }],
  ])('does not read the certificates NODE_EXTRA_CA_CERTS names, %s', (_, env) => {
    const run = spawnSync(COMMAND, ['check', SOURCE], {
      env: { ...process.env, ...env, NODE_EXTRA_CA_CERTS: join(scratch(), 'missing.pem') },
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).not.toMatch(/certs/i);
  });
});
