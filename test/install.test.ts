/**
 * A fresh `npm install` prints no warning: npm 11 runs a dependency's install scripts only when
 * package.json's `allowScripts` approves them, and warns of every one it names neither way.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { repoRoot } from './helpers/paths.js';

/** The installed packages whose package.json has a preinstall, install or postinstall script (or a binding.gyp, which npm builds). */
function packagesWithInstallScripts(folder: string, found = new Set<string>()): Set<string> {
  if (!fs.existsSync(folder)) return found;
  for (const entry of fs.readdirSync(folder)) {
    if (entry.startsWith('.')) continue;
    const dir = path.join(folder, entry);
    if (entry.startsWith('@')) {
      packagesWithInstallScripts(dir, found);
      continue;
    }
    const manifest = path.join(dir, 'package.json');
    if (!fs.existsSync(manifest)) continue;
    const pkg = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name: string; scripts?: Record<string, string> };
    const scripts = pkg.scripts ?? {};
    if (scripts['preinstall'] || scripts['install'] || scripts['postinstall'] || fs.existsSync(path.join(dir, 'binding.gyp'))) found.add(pkg.name);
    packagesWithInstallScripts(path.join(dir, 'node_modules'), found);
  }
  return found;
}

describe('install', () => {
  it('should approve or decline in allowScripts every dependency with an install script', () => {
    const { allowScripts = {} } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { allowScripts?: Record<string, boolean> };
    const unnamed = [...packagesWithInstallScripts(path.join(repoRoot, 'node_modules'))].filter((name) => !(name in allowScripts)).sort();
    expect(unnamed).to.deep.equal([]);
  });
});
