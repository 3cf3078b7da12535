#!/usr/bin/env node
// The `council-docs` command when no startup snapshot fits (see
// src/startup/snapshot.ts): the program run from its bundle.
import { bundledProgram, launch } from './launch.js';

launch(import.meta.dirname, process.argv.slice(2), () => bundledProgram(import.meta.dirname));
