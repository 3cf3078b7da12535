// The JSON Schema editors use to complete and check front matter, generated
// from the validator's own schema.
import * as z from 'zod';
import { frontMatterSchema } from '../model/meta-schema.js';

export function frontMatterJsonSchema(): string {
  const schema = z.toJSONSchema(frontMatterSchema, { io: 'input', unrepresentable: 'any' });
  return JSON.stringify({ ...schema, title: 'ITU Council document front matter' }, null, 2) + '\n';
}
