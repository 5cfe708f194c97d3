import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const require = createRequire(import.meta.url);

interface TargetEntry {
  target: string;
  arch: string[];
}

interface BuilderConfig {
  electronFuses?: Record<string, boolean>;
  deb?: { depends?: string[]; recommends?: string[]; afterInstall?: string; appArmorProfile?: string };
  asar?: boolean;
  linux?: { target?: TargetEntry[]; icon?: string };
  win?: { target?: TargetEntry[]; icon?: string; signtoolOptions?: { publisherName?: string | string[] } };
  mac?: { target?: TargetEntry[]; icon?: string };
  publish?: { provider?: string; url?: string };
  directories?: { buildResources?: string };
}

async function builderConfig(): Promise<BuilderConfig> {
  return parse(await readFile('electron-builder.yml', 'utf8')) as BuilderConfig;
}

/** Which targets each system gets, for which architectures. */
function targets(entries: TargetEntry[] | undefined): Record<string, string[]> {
  return Object.fromEntries((entries ?? []).map((entry) => [entry.target, entry.arch]));
}

/** A PNG's size and colour type, read from its IHDR chunk. */
async function pngHeader(path: string): Promise<{ width: number; height: number; colourType: number }> {
  const bytes = await readFile(path);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), colourType: bytes[25] ?? -1 };
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

  it('turn the fuses’ broken ad-hoc signature on macOS into a valid one when there is no signing identity', async () => {
    const { electronFuses } = await builderConfig();
    expect(electronFuses?.resetAdHocDarwinSignature).toBe(true);
  });

  it('build the deb: electron-builder’s FPM target needs the project homepage and a maintainer with an email', async () => {
    const pkg = JSON.parse(await readFile('package.json', 'utf8')) as {
      homepage?: string;
      author?: { name?: string; email?: string };
    };
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.author?.email).toMatch(/@/);
  });

  it('give Ubuntu 24.04+ a deb that installs the AppArmor profile the sandbox needs there', async () => {
    // electron-builder 26's own after-install script loads its profile; a custom script or profile would replace them.
    const afterInstall = await readFile(require.resolve('app-builder-lib/templates/linux/after-install.tpl'), 'utf8');
    expect(afterInstall).toContain('apparmor_parser --replace');
    const profile = await readFile(require.resolve('app-builder-lib/templates/linux/apparmor-profile.tpl'), 'utf8');
    expect(profile).toContain('userns,');
    const { deb } = await builderConfig();
    expect(deb?.afterInstall).toBeUndefined();
    expect(deb?.appArmorProfile).toBeUndefined();
  });

  it('build each system’s installers for the chips its counters have', async () => {
    const { linux, win, mac } = await builderConfig();
    expect(targets(linux?.target)).toEqual({ deb: ['x64', 'arm64'], AppImage: ['x64', 'arm64'] });
    expect(targets(win?.target)).toEqual({ nsis: ['x64'] });
    // The zip is what electron-updater downloads on macOS.
    expect(targets(mac?.target)).toEqual({ dmg: ['x64', 'arm64'], zip: ['x64', 'arm64'] });
  });

  it('give every target the app’s icon: one 1024×1024 PNG with transparency', async () => {
    const { directories, linux, win, mac } = await builderConfig();
    expect([linux?.icon, win?.icon, mac?.icon]).toEqual([undefined, undefined, undefined]);
    expect(await pngHeader(`${directories?.buildResources ?? 'build'}/icon.png`)).toEqual({
      width: 1024,
      height: 1024,
      colourType: 6,
    });
  });

  it('say where updates come from, and install on Windows only installers signed by the publisher', async () => {
    const { publish, win } = await builderConfig();
    expect(publish?.provider).toBe('generic');
    expect(publish?.url).toMatch(/^https:\/\/[^/]+\/.*\$\{os\}$/);
    expect(win?.signtoolOptions?.publisherName).toBeTruthy();
  });
});
