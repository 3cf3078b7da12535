#!/bin/sh
# The council-docs command. Node starts from the program's startup snapshot
# (src/startup/snapshot.ts), which `make` made for this version of Node; with
# none for it, Node runs the program from its bundle (start.ts). Node refuses a
# snapshot under other V8 settings, which NODE_OPTIONS may set: then it is not used.
self=$0
if [ -L "$self" ]; then self=$(readlink -f "$self"); fi
case $self in */*) here=${self%/*} ;; *) here=. ;; esac
snapshot="$here/council-docs-$(node --version).blob"
if [ -z "${NODE_OPTIONS-}" ] && [ -f "$snapshot" ]; then exec node --snapshot-blob "$snapshot" "$here" "$@"; fi
exec node "$here/main.js" "$@"
