// templates/settings.yaml: house settings every writer shares (the logo).
import { readFileSync, realpathSync } from 'node:fs';
import { extname, relative, resolve, isAbsolute } from 'node:path';
import { parse } from 'yaml';
import * as z from 'zod';

const settingsSchema = z.strictObject({ logo: z.string().min(1), logo_raster: z.string().min(1).optional() });

export interface Logo {
  bytes: Uint8Array;
  mime: 'image/svg+xml' | 'image/png' | 'image/jpeg';
  path: string;
}

export interface Settings {
  logo: Logo;
  /** A PNG or JPEG of the logo, for formats that cannot show an SVG alone (DOCX). */
  logoRaster?: Logo;
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
  const logo = readLogo(file, templatesDir, parsed.data.logo, 'logo');
  if (parsed.data.logo_raster === undefined) return { logo };
  const logoRaster = readLogo(file, templatesDir, parsed.data.logo_raster, 'logo_raster');
  if (logoRaster.mime === 'image/svg+xml') {
    throw new SettingsError(`${file}: logo_raster "${parsed.data.logo_raster}" must be a PNG or JPEG file`);
  }
  return { logo, logoRaster };
}

function readLogo(file: string, templatesDir: string, name: string, key: string): Logo {
  const logoPath = resolve(templatesDir, name);
  // The logo is embedded in every output: it must not be read from outside the templates,
  // neither by its path nor through a symbolic link.
  let real: string;
  try {
    real = realpathSync(logoPath);
  } catch {
    throw new SettingsError(`${file}: ${key} "${name}": no such file in ${templatesDir}`);
  }
  const inside = relative(realpathSync(templatesDir), real);
  if (inside.startsWith('..') || isAbsolute(inside)) {
    throw new SettingsError(`${file}: ${key} "${name}" is outside ${templatesDir}: copy it into that folder`);
  }
  const mime = MIME[extname(logoPath).toLowerCase()];
  if (!mime) throw new SettingsError(`${file}: ${key} "${name}" must be an SVG, PNG or JPEG file`);
  return { bytes: readFileSync(logoPath), mime, path: logoPath };
}
