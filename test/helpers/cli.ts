// Runs the built command line as a user does, in a scratch folder.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'cli', 'main.js');
export const SOURCE = join(ROOT, 'source', 'C17-23.md');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const scratches: string[] = [];

/** A new folder in the temporary folder, removed after the test file (see remove-scratch.ts). */
export function scratch(prefix = 'council-docs-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  scratches.push(dir);
  return dir;
}

/** Removes the folders `scratch` made so far. */
export function removeScratches(): void {
  for (const dir of scratches.splice(0)) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

/** A scratch project as `make` sees one: source/ holds the seed and its catalogue, templates/ a copy of this project's. */
export function seedProject(): string {
  const dir = scratch();
  mkdirSync(join(dir, 'source'));
  copyFileSync(SOURCE, join(dir, 'source', 'C17-23.md'));
  copyFileSync(join(ROOT, 'source', 'standards.yaml'), join(dir, 'source', 'standards.yaml'));
  cpSync(join(ROOT, 'templates'), join(dir, 'templates'), { recursive: true });
  return dir;
}

/** Makes the HTML template of `templatesDir` link a stylesheet at `url`, as a template asking for a web font does. */
export function linkStylesheet(templatesDir: string, url: string): void {
  const page = join(templatesDir, 'html', 'document.hbs');
  writeFileSync(page, readFileSync(page, 'utf8').replace('</head>', `<link rel="stylesheet" href="${url}"></head>`));
}

/** A scratch project whose source/ folder holds these files (name → text); returns the project folder. */
export function sourceFolder(files: Record<string, string>): string {
  const dir = scratch();
  mkdirSync(join(dir, 'source'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'source', name), text);
  return dir;
}

/** Every file under a folder with its bytes and modification time, to tell whether anything changed. */
export function snapshot(dir: string): Map<string, { bytes: Buffer; mtimeMs: number }> {
  const files = new Map<string, { bytes: Buffer; mtimeMs: number }>();
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, name);
    const info = statSync(path);
    if (info.isFile()) files.set(name, { bytes: readFileSync(path), mtimeMs: info.mtimeMs });
  }
  return files;
}

/** Builds a source into a fresh folder and returns that folder. */
function buildInto(source: string, formats?: string): string {
  const out = scratch();
  const args = ['build', source, '--out', out, '--quiet'];
  if (formats) args.push('--format', formats);
  const run = runCli(args);
  if (run.status !== 0) throw new Error(`build failed (${run.status}):\n${run.stderr}`);
  return out;
}

/** Builds the C17/23 source into a fresh folder and returns that folder. */
export function buildSeed(formats?: string): string {
  return buildInto(SOURCE, formats);
}

/** The project's own test document with every construct of the body (tables, footnotes, figures, annexes, ...). */
export const BODY_SOURCE = join(ROOT, 'test', 'fixtures', 'body', 'C18-45.md');

/** Builds the body test document (with its catalogue and figures) into a fresh folder and returns that folder. */
export function buildBody(formats?: string): string {
  return buildInto(BODY_SOURCE, formats);
}
