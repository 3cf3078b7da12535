#!/bin/sh
# The council-docs command. Node starts from the program's startup snapshot
# (src/startup/snapshot.ts), which `make` made for this version of Node; with
# none for it, Node runs the program from its bundle (start.ts). Node refuses a
# snapshot under other V8 settings, which NODE_OPTIONS may set: then it is not used.
#
# Node 20 reads and parses every certificate NODE_EXTRA_CA_CERTS names before
# it runs any code (nodejs/node#40524): with Debian's bundle of ~140 that is
# ~35 ms of each start, on machines behind a TLS-inspecting proxy that set it.
# This program opens no TLS connection (Chromium is driven through a pipe, the
# preview is plain local HTTP), so it is not passed on.
unset NODE_EXTRA_CA_CERTS
#
# V8 runs compilation and garbage collection tasks on a pool of threads, 4 by
# default whatever the machine; --v8-pool-size=0 sizes it from the processors
# there are (one thread on a 2-core machine), so that on a small machine those
# tasks do not take the processor from the program's own thread: a cold build
# without PDF is ~10% faster on 2 cores (README, The command line).
v8_pool=--v8-pool-size=0
self=$0
if [ -L "$self" ]; then self=$(readlink -f "$self"); fi
case $self in */*) here=${self%/*} ;; *) here=. ;; esac
snapshot="$here/council-docs-$(node --version).blob"
if [ -z "${NODE_OPTIONS-}" ] && [ -f "$snapshot" ]; then exec node $v8_pool --snapshot-blob "$snapshot" "$here" "$@"; fi
exec node $v8_pool "$here/main.js" "$@"
