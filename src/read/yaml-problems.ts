// YAML's own messages say what is wrong in YAML's words; authors of Council
// documents are not YAML experts, so each common mistake gets the fix after it.
// Also turns what yaml throws (alias trouble) into a message at the alias.
import { isAlias, isScalar, visit, type Document as YamlDocument, type ErrorCode, type YAMLError } from 'yaml';

export interface YamlProblem {
  reason: string;
  /** Offsets in the YAML text. */
  range: readonly [number, number];
}

const HINTS: Partial<Record<ErrorCode, (word: string) => string>> = {
  BLOCK_AS_IMPLICIT_KEY: () =>
    'a value that contains ": " must be in quotes (title: "IoT: a report"), and the keys under "meeting:" are indented by the same spaces',
  TAB_AS_INDENT: () => 'indent with spaces, not tabs',
  DUPLICATE_KEY: (word) => `"${word}" is given twice: keep one`,
  MISSING_CHAR: () => 'a quotation mark that opens a value must close it; or write the value without quotes',
  BAD_INDENT: () => 'check the indentation (the keys of one level start in the same column) and that every { and [ is closed',
  BAD_DQ_ESCAPE: () => 'in "double quotes" a backslash starts an escape: write \\\\ for a backslash, or use single quotes',
  BAD_SCALAR_START: () => 'put the value in quotes',
  UNEXPECTED_TOKEN: () => 'check the indentation and punctuation of this line',
};

/** The first problem of each line, with its fix: later ones on a line are mostly echoes of the first. */
export function yamlProblems(doc: YamlDocument, yaml: string): YamlProblem[] {
  const lines = new Set<number>();
  const out: YamlProblem[] = [];
  for (const problem of doc.errors) {
    // An unclosed quotation is found where the text ends: point at the quotation mark that opened it.
    const range = problem.code === 'MISSING_CHAR' ? (openQuote(doc, problem.pos[0]) ?? problem.pos) : problem.pos;
    const line = yaml.slice(0, range[0]).split('\n').length;
    if (lines.has(line)) continue;
    lines.add(line);
    let reason = problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    // The parser's recursion has limits: it reports an overflow as a message.
    if (/call stack/i.test(reason)) reason = 'the front matter is nested too deep';
    const word = /^[^:\n]*/.exec(yaml.slice(range[0]))![0].trim();
    const hint = HINTS[problem.code]?.(word);
    out.push({ reason: hint ? `${reason}: ${hint}` : reason, range });
  }
  return out;
}

function openQuote(doc: YamlDocument, at: number): readonly [number, number] | undefined {
  let found: readonly [number, number] | undefined;
  visit(doc, {
    Scalar(_key, node) {
      const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
      if (isScalar(node) && quoted && node.range && node.range[0] < at && node.range[1] >= at) found = [node.range[0], node.range[0] + 1];
    },
  });
  return found;
}

function firstAlias(doc: YamlDocument, name?: string): readonly [number, number] {
  let range: readonly [number, number] = [0, 0];
  visit(doc, {
    Alias(_key, node) {
      if (!isAlias(node) || (name !== undefined && node.source !== name) || !node.range) return undefined;
      range = [node.range[0], node.range[1]];
      return visit.BREAK;
    },
  });
  return range;
}

/** The front matter as plain data, or why it cannot be: yaml throws on aliases it cannot expand. */
export function yamlData(doc: YamlDocument): { data: unknown } | { problem: YamlProblem } {
  try {
    return { data: doc.toJS({ maxAliasCount: 100 }) };
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    const unresolved = /^Unresolved alias[^:]*:\s*(\S+)/.exec(message);
    if (unresolved) {
      return {
        problem: {
          reason: `"*${unresolved[1]}" names no "&${unresolved[1]}" anchor before it: write the value itself`,
          range: firstAlias(doc, unresolved[1]),
        },
      };
    }
    return {
      problem: { reason: 'aliases (*name) expand to too many values: write the values themselves', range: firstAlias(doc) },
    };
  }
}
