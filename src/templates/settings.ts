// templates/settings.yaml: house settings every writer shares (the logo).
import { readFileSync } from 'node:fs';
import { extname, relative, resolve, isAbsolute } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

const settingsSchema = z.strictObject({ logo: z.string().min(1) });

export interface Logo {
  bytes: Uint8Array;
  mime: 'image/svg+xml' | 'image/png' | 'image/jpeg';
  path: string;
}

export interface Settings {
  logo: Logo;
}

export class SettingsError extends Error {}

const MIME: Record<string, Logo['mime']> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
};

export function loadSettings(templatesDir: string): Settings {
  const file = resolve(templatesDir, 'settings.yaml');
  const parsed = settingsSchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new SettingsError(`${file}: ${parsed.error.issues[0]!.message}`);
  const logoPath = resolve(templatesDir, parsed.data.logo);
  // The logo is embedded in every output: it must not be read from outside the templates.
  const inside = relative(resolve(templatesDir), logoPath);
  if (inside.startsWith('..') || isAbsolute(inside)) {
    throw new SettingsError(`${file}: logo "${parsed.data.logo}" is outside ${templatesDir}: copy it into that folder`);
  }
  const mime = MIME[extname(logoPath).toLowerCase()];
  if (!mime) throw new SettingsError(`${file}: logo "${parsed.data.logo}" must be an SVG, PNG or JPEG file`);
  return { logo: { bytes: readFileSync(logoPath), mime, path: logoPath } };
}
