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

/**
 * For a build, whether it prints PDFs (every format, or pdf among those named); undefined when the
 * line asks for anything else, or does not parse (the command says what is wrong with it).
 */
export function buildPrints(argv: string[]): boolean | undefined {
  let parsed;
  try {
    parsed = parseCommandLine(argv);
  } catch {
    return undefined;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals[0] !== 'build') return undefined;
  return values.format === undefined || values.format.split(',').some((f) => f.trim() === 'pdf');
}
