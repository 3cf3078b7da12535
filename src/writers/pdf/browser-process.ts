// The Chromium process behind the printer, started by hand rather than by
// Puppeteer's launch(): loading Puppeteer takes a good tenth of a second, and
// Chromium, started first, boots on the other core in that time instead of
// after it. Puppeteer then connects to it through the same pipes its own
// launch() would use (PipeTransport), and drives it as usual.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdir, readdirSync, rm, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { isRunning } from '../../process/running.js';

/**
 * What the printer needs of Chromium, and nothing it would do on its own:
 * headless, no sandbox only as root (it cannot run there; the page it prints
 * runs no script and fetches nothing), no reaching for the network at start
 * (slow where there is none), tagged PDF with an outline, sRGB colours so a
 * PDF has the same bytes on every machine.
 */
function flags(profile: string, asRoot: boolean): string[] {
  return [
    '--headless',
    ...(asRoot ? ['--no-sandbox'] : []),
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-default-apps',
    '--disable-extensions',
    '--disable-breakpad',
    '--disable-crash-reporter',
    // Containers give /dev/shm 64 MB, which a long document's print can outgrow.
    '--disable-dev-shm-usage',
    '--disable-features=Translate,MediaRouter,OptimizationHints',
    '--password-store=basic',
    '--use-mock-keychain',
    '--hide-scrollbars',
    '--mute-audio',
    '--force-color-profile=srgb',
    '--export-tagged-pdf',
    '--generate-pdf-document-outline',
    // No frames of the page are drawn unless asked for: nothing looks at the page, and a print lays
    // it out on its own. The headless shell then prints in about a tenth less time, the same bytes.
    '--enable-begin-frame-control',
    '--remote-debugging-pipe',
    `--user-data-dir=${profile}`,
    // The first tab, opened while Chromium starts, is the first to print.
    'about:blank',
  ];
}

const PROFILE_PREFIX = 'council-docs-chromium-';

/** Profiles in the temporary folder of builds no longer running (named by their process id). */
function staleProfiles(names: string[]): string[] {
  return names.filter((name) => {
    const pid = name.startsWith(PROFILE_PREFIX) ? Number(name.slice(PROFILE_PREFIX.length).split('-')[0]) : NaN;
    return Number.isInteger(pid) && !isRunning(pid);
  });
}

/** Profiles left by builds that were killed, removed in the background while Chromium starts. */
function removeStaleProfiles(): void {
  readdir(tmpdir(), (error, names) => {
    if (error) return;
    for (const name of staleProfiles(names)) rm(join(tmpdir(), name), { recursive: true, force: true }, () => undefined);
  });
}

/**
 * The same, once more as the build ends: the Chromium of a killed build outlives it a moment and may
 * still be writing to its profile while the first sweep removes it.
 */
function removeStaleProfilesNow(): void {
  let names: string[];
  try {
    names = readdirSync(tmpdir());
  } catch {
    return;
  }
  for (const name of staleProfiles(names)) rmSync(join(tmpdir(), name), { recursive: true, force: true, maxRetries: 3 });
}

/**
 * Chromium's temporary folder, inside its profile so that it goes with it: Chromium makes a folder
 * (org.chromium.Chromium.*) in TMPDIR for the socket that tells a second start from the first, and
 * never removes it. Chromium stops (a CHECK) when that socket's path is longer than a Unix socket
 * path may be (107 bytes); where the profile lies too deep for that, TMPDIR is left as it was.
 */
function temporaryFolder(profile: string): string | undefined {
  const folder = join(profile, 't');
  const socket = join(folder, 'org.chromium.Chromium.XXXXXX', 'SingletonSocket');
  if (Buffer.byteLength(socket) > 107) return undefined;
  mkdirSync(folder);
  return folder;
}

/** How much of Chromium's stderr is kept, to say why it did not start. */
const STDERR_KEPT = 8 * 1024;

export class BrowserProcess {
  readonly #child: ChildProcess;
  readonly #profile: string;
  #stderr = '';
  #exit: { code: number | null; signal: string | null; error?: Error } | undefined;
  readonly exited: Promise<void>;

  constructor(executablePath: string, env: NodeJS.ProcessEnv) {
    // A profile of its own: nothing of a user's Chromium is read, and nothing is left behind.
    this.#profile = mkdtempSync(join(tmpdir(), `${PROFILE_PREFIX}${process.pid}-`));
    const temporary = temporaryFolder(this.#profile);
    // Its own process group, so that stopping it stops every process it started.
    this.#child = spawn(executablePath, flags(this.#profile, process.getuid?.() === 0), {
      detached: true,
      env: temporary ? { ...env, TMPDIR: temporary } : env,
      stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
    });
    this.#child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      this.#stderr = (this.#stderr + chunk).slice(-STDERR_KEPT);
    });
    this.exited = new Promise((done) => {
      this.#child.once('error', (error) => {
        this.#exit ??= { code: null, signal: null, error };
        done();
      });
      this.#child.once('exit', (code, signal) => {
        this.#exit ??= { code, signal };
        done();
      });
    });
    removeStaleProfiles();
    // Puppeteer reports a closed pipe itself; an error on one must not end the process.
    for (const stream of this.#child.stdio.slice(2)) stream?.on('error', () => undefined);
  }

  get pid(): number | undefined {
    return this.#child.pid;
  }

  /** The pipes Puppeteer talks through: Chromium reads fd 3 and writes fd 4. */
  get pipes(): { write: Writable; read: Readable } {
    return { write: this.#child.stdio[3] as Writable, read: this.#child.stdio[4] as Readable };
  }

  /** Waits up to `ms` for the process to end: a killed Chromium closes its pipes a moment before its exit is heard. */
  async endedWithin(ms: number): Promise<string | undefined> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.exited, new Promise((done) => (timer = setTimeout(done, ms)))]);
    clearTimeout(timer);
    return this.ending;
  }

  /** Why the process ended, in words, once it has. */
  get ending(): string | undefined {
    const exit = this.#exit;
    if (!exit) return undefined;
    if (exit.error) return exit.error.message;
    const said = this.#stderr.split('\n').find((line) => line.trim() !== '')?.trim();
    const how = exit.signal ? `was ended by ${exit.signal}` : `exited with code ${exit.code}`;
    return said ? `it ${how}: ${said}` : `it ${how}`;
  }

  /**
   * Ends every process of the browser at once, then removes its profile.
   * A graceful close would take Chromium a tenth of a second to write a
   * profile that is thrown away.
   */
  async kill(): Promise<void> {
    const pid = this.#child.pid;
    if (pid !== undefined) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // The whole group is gone already.
      }
      await this.exited;
    }
    rmSync(this.#profile, { recursive: true, force: true, maxRetries: 3 });
    removeStaleProfilesNow();
  }
}
