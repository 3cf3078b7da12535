// YAML's own messages say what is wrong in YAML's words; authors of Council
// documents are not YAML experts, so each common mistake gets the fix after it.
// Also turns what yaml throws (alias trouble) into a message at the alias.
import { isAlias, isScalar, parseDocument, visit, type Document as YamlDocument, type DocumentOptions, type ErrorCode, type ParseOptions, type YAMLError } from 'yaml';

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

/**
 * yaml's parser recurses in some broken inputs (a key repeated on thousands of
 * lines after a misplaced one) until the stack runs out, and throws: that is a
 * front matter too irregular to read, not a crash.
 */
export function parseYaml(text: string, options: ParseOptions & DocumentOptions): { doc: YamlDocument } | { problem: YamlProblem } {
  try {
    return { doc: parseDocument(text, { ...options, prettyErrors: false, logLevel: 'error' }) };
  } catch (cause) {
    if (!(cause instanceof RangeError)) throw cause;
    return {
      problem: {
        reason: 'too irregular for the YAML reader to follow (it ran out of stack): check the indentation of the keys, and look for lines pasted many times',
        range: [0, 0],
      },
    };
  }
}

/** The first problem of each line, with its fix: later ones on a line are mostly echoes of the first. */
export function yamlProblems(doc: YamlDocument, yaml: string): YamlProblem[] {
  const lines = new Set<number>();
  const out: YamlProblem[] = [];
  for (const problem of doc.errors) {
    // An unclosed quotation, { or [ is found where the next key starts: point at what opened it.
    const opened = problem.code === 'MISSING_CHAR' || (problem.code === 'BAD_INDENT' && /^Flow /.test(problem.message));
    const range = (opened && opener(doc, problem.pos[0])) || problem.pos;
    const line = yaml.slice(0, range[0]).split('\n').length;
    if (lines.has(line)) continue;
    lines.add(line);
    let reason = problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    // The parser's recursion has limits: it reports an overflow as a message.
    if (/call stack/i.test(reason)) reason = 'values nested too deep: the keys of a source nest two or three levels';
    const word = /^[^:\n]*/.exec(yaml.slice(range[0]))![0].trim();
    const hint = HINTS[problem.code]?.(word);
    out.push({ reason: hint ? `${reason}: ${hint}` : reason, range });
  }
  return out;
}

/** The innermost quoted value, { } or [ ] that runs up to `at`: where an unclosed one opened. */
function opener(doc: YamlDocument, at: number): readonly [number, number] | undefined {
  let found: readonly [number, number] | undefined;
  const consider = (range: readonly number[] | null | undefined) => {
    if (range && range[0]! < at && range[1]! >= at && (!found || range[0]! > found[0])) found = [range[0]!, range[0]! + 1];
  };
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE')) consider(node.range);
    },
    Map(_key, node) {
      if (node.flow) consider(node.range);
    },
    Seq(_key, node) {
      if (node.flow) consider(node.range);
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
