// The command line's options, read by the command (main.ts) and by what starts
// it (start.ts), which must tell a build that prints before the program loads.
import { parseArgs } from 'node:util';

export function parseCommandLine(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o', default: 'out' },
      format: { type: 'string', short: 'f' },
      templates: { type: 'string', short: 't' },
      issued: { type: 'string' },
      quiet: { type: 'boolean', short: 'q', default: false },
      'keep-going': { type: 'boolean', short: 'k', default: false },
      port: { type: 'string', short: 'p', default: '8017' },
      shard: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}

/** Whether the command line asks for a build that prints PDFs (every format, or pdf among those named). */
export function buildsPdf(argv: string[]): boolean {
  let parsed;
  try {
    parsed = parseCommandLine(argv);
  } catch {
    // The command says what is wrong with the line; nothing is started for it.
    return false;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals[0] !== 'build') return false;
  return values.format === undefined || values.format.split(',').some((f) => f.trim() === 'pdf');
}
