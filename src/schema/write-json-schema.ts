// Writes source/front-matter.schema.json (run by `make schema`).
import { writeFileSync } from 'node:fs';
import { frontMatterJsonSchema } from './front-matter-json-schema.js';

const target = process.argv[2] ?? 'source/front-matter.schema.json';
writeFileSync(target, frontMatterJsonSchema());
process.stdout.write(`wrote ${target}\n`);
