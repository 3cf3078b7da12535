// Why an output could not be written, in words a user can act on. The
// system's own message names the temporary file the output was written to
// first (".C17-23-E.html.20673-....tmp"), or no file at all ("ENOSPC ...,
// write"); the words here name the output and the folder, and keep the code
// in brackets for whoever searches for it.
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { getSystemErrorMap } from 'node:util';

/** An output that could not be written (or removed); the message says why, in words. */
export class OutputNotWritten extends Error {
  constructor(
    readonly output: string,
    message: string,
  ) {
    super(message);
  }
}

/** The nearest folder of `path`'s that exists as a file: what stands where a folder should be. */
function fileInTheWay(path: string): string | undefined {
  for (let at = path; dirname(at) !== at; at = dirname(at)) {
    try {
      if (!statSync(at).isDirectory()) return at;
    } catch {
      // Not there: look further up.
    }
  }
  return undefined;
}

export function writeFailure(output: string, cause: unknown): OutputNotWritten {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  const errno = (cause as NodeJS.ErrnoException | undefined)?.errno;
  const folder = dirname(output);
  const words = (): string => {
    switch (code) {
      case 'EACCES':
      case 'EPERM':
        return `permission denied: this user may not write in ${folder}`;
      case 'ENOSPC':
        return `the disk that holds ${folder} is full`;
      case 'EDQUOT':
        return `this user's disk quota is used up`;
      case 'EROFS':
        return `${folder} is on a read-only file system`;
      case 'EFBIG':
        return 'the file is larger than this process may write (ulimit -f)';
      case 'ENOTDIR':
      case 'EEXIST':
        return `${fileInTheWay(folder) ?? folder} is a file, not a folder`;
      case 'EISDIR':
        return `${output} is a folder`;
      case 'EIO':
        return `the disk that holds ${folder} failed to write (an input/output error)`;
      case 'EMFILE':
      case 'ENFILE':
        return 'too many files are open on this machine';
      case 'ENAMETOOLONG':
        return 'its path is longer than the system allows';
      default: {
        // Any other system error in the system's own words, without the temporary file's name.
        const known = errno === undefined ? undefined : getSystemErrorMap().get(errno)?.[1];
        return known ?? (cause instanceof Error ? cause.message : String(cause));
      }
    }
  };
  return new OutputNotWritten(output, code ? `${words()} (${code})` : words());
}
