#!/usr/bin/env node
// The `council-docs` command: the bundled program (council-docs.cjs), run
// with its code cache (see src/startup/cached-bundle.ts).
import { join } from 'node:path';
import { runCachedBundle } from '../startup/cached-bundle.js';

runCachedBundle(join(import.meta.dirname, 'council-docs.cjs'), join(import.meta.dirname, 'council-docs.code-cache'));
