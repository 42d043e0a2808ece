import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { initialChunks } from './initial-chunks';

describe('console API clients', () => {
  it('should match the services’ OpenAPI documents when nothing has drifted (run npm run consoles:generate)', () => {
    // A child process: openapi-typescript ships ES modules only, which Jest does not load here.
    const check = spawnSync(
      process.execPath,
      ['-r', '@swc-node/register', join(__dirname, 'generate-clients.ts'), '--check'],
      { cwd: join(__dirname, '..', '..'), encoding: 'utf8' },
    );
    expect({ status: check.status, stderr: check.stderr }).toEqual({ status: 0, stderr: '' });
  });
});

describe(initialChunks.name, () => {
  it('should count the entry and its static imports but not chunks loaded on demand', () => {
    const manifest = {
      'index.html': {
        file: 'assets/index.js',
        isEntry: true,
        imports: ['_vendor.js'],
        dynamicImports: ['map.tsx'],
      },
      '_vendor.js': { file: 'assets/vendor.js' },
      'map.tsx': { file: 'assets/map.js', imports: ['_vendor.js'] },
      'style.css': { file: 'assets/style.css' },
    };
    expect(initialChunks(manifest).sort()).toEqual(['assets/index.js', 'assets/vendor.js']);
  });
});
