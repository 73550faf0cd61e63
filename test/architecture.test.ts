import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { repoRoot } from './helpers/paths.js';

const CORE = ['parse', 'align', 'render', 'corpus', 'util', 'amend', 'compare'];

function files(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

describe('architecture', () => {
  const core = CORE.flatMap((d) => files(path.join(repoRoot, 'src', d)));

  it('should keep the core (parse, align, render, …) free of the CLI, the server and express', () => {
    expect(core.length).to.be.greaterThan(10);
    for (const file of core) {
      const text = fs.readFileSync(file, 'utf8');
      expect(text, path.relative(repoRoot, file)).to.not.match(/from '(?:\.\.\/)+(?:cli|server)\/|from 'express'|from 'node:process'/);
    }
  });

  it('should keep the core from touching process', () => {
    for (const file of core) {
      const text = fs.readFileSync(file, 'utf8');
      expect(text, path.relative(repoRoot, file)).to.not.match(/\bprocess\.(?:env|argv|exit|stdout|stderr|cwd)\b/);
    }
  });
});
