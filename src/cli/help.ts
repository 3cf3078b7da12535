export const EXIT = {
  /** Done; warnings may have been printed. */
  ok: 0,
  /** A source has errors: messages printed, nothing written (with --keep-going, only its outputs). */
  invalid: 1,
  /** The command line is wrong. */
  usage: 2,
  /** An output could not be produced (file system, templates, browser). */
  failed: 3,
} as const;

export const HELP = `Usage: council-docs <command> [sources...] [options]

Builds ITU Council documents from Markdown sources with YAML front matter.
A source may be a .md file or a folder of them (default: source/).

Commands:
  build     validate the sources, then write every output to --out
  check     validate, and all else build would refuse; write nothing
  watch     build, then rebuild on every save and serve a live preview
            on http://127.0.0.1:<port>/ (reloads itself, shows messages)
  index     list every document built in a folder of outputs (default:
            --out) in index.html (and index-F.html, ... for the other
            languages, and their PDFs) and merge their events into one
            calendar per meeting and language (Council-2017-E.ics);
            made from the <name>.meta.json each build leaves beside its
            outputs, so the parts of a build split with --shard are
            indexed together once in one folder
  align     record that each translation named (C17-23.fr.md) is up to
            date with its original, so that later changes of the
            original are pointed out in it
  issue     record each source named as issued, in issued/ beside its
            folder; an issued number is never issued again
  issued    list what issued/ holds (number, language, date, entry)
  help      print this text

Options:
  -o, --out <dir>        where outputs go (default: out)
  -f, --format <list>    comma-separated formats to write (default: all): html, pdf, docx, ics, csv
                         (index: html, pdf, ics)
  -t, --templates <dir>  templates and locale data (default: the project's templates/)
  --issued <dir>         the folder of issued documents (default: issued/
                         beside the sources' folder); a revision is built
                         with its changes marked against its issued base
  -q, --quiet            do not list the files written
  -k, --keep-going       build the sources without errors even when others have
                         errors (exit code 1 still; the summary names those refused)
      --shard <K/N>      build (or check) only part K of N disjoint parts of the
                         sources, chosen by document number: every language of
                         a document is in the same part (e.g. --shard 2/4)
  -p, --port <n>         preview port for watch (default: 8017; 0: any free port)
  -h, --help             print this text

Messages are printed as file:line:column: severity: text [rule-id].
Outputs are named after the document number and language, e.g. C17/23 in
English → out/C17-23-E.html.

Exit codes:
  0  done (warnings may have been printed)
  1  a source has errors: nothing was written, out/ is as it was
     (with --keep-going: the other sources' outputs were written)
  2  the command line is wrong
  3  an output could not be produced (file system, templates, browser)
`;
