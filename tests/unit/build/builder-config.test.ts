import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const require = createRequire(import.meta.url);

interface BuilderConfig {
  electronFuses?: Record<string, boolean>;
  deb?: { depends?: string[]; recommends?: string[] };
  asar?: boolean;
}

async function builderConfig(): Promise<BuilderConfig> {
  return parse(await readFile('electron-builder.yml', 'utf8')) as BuilderConfig;
}

/** electron-builder's own default deb dependencies, read from the installed builder, not copied. */
function defaultDebDepends(): string[] {
  const { default: FpmTarget } = require('app-builder-lib/out/targets/FpmTarget') as {
    default: { prototype: { getDefaultDepends(target: string): string[] } };
  };
  return FpmTarget.prototype.getDefaultDepends.call(null, 'deb');
}

describe('the installers (electron-builder.yml)', () => {
  it('flip the fuses that close the installed app to outside code', async () => {
    const { electronFuses, asar } = await builderConfig();
    expect(asar).toBe(true);
    expect(electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('keep every dependency electron-builder’s deb would have (a `depends` list replaces the defaults)', async () => {
    const defaults = defaultDebDepends();
    // The builder's list as of 26.x: if it ever comes back empty the check below proves nothing.
    expect(defaults).toEqual(expect.arrayContaining(['libgtk-3-0', 'libnss3', 'xdg-utils', 'libsecret-1-0']));
    const { deb } = await builderConfig();
    expect(deb?.depends).toEqual(expect.arrayContaining(defaults));
  });
});
