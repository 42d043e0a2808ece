/**
 * npm run consoles:build — builds every console with Vite into dist/consoles/<service>/ (where the
 * service serves it from) and enforces the budget: each console's initial JavaScript (the entry
 * chunk and everything it imports statically; lazy chunks such as the map load on demand) must stay
 * within INITIAL_JS_BUDGET_BYTES gzipped. Prints the sizes; exits 1 above the budget.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { CONSOLE_SERVICES, INITIAL_JS_BUDGET_BYTES, ROOT, consoleSource } from './consoles';
import { initialChunks, type ManifestChunk } from './initial-chunks';

async function buildConsole(service: string): Promise<number> {
  const outDir = join(ROOT, 'dist', 'consoles', service);
  await build({
    configFile: false,
    root: consoleSource(service),
    base: '/console/',
    logLevel: 'warn',
    resolve: {
      alias: {
        '@bridges/console-kit': join(ROOT, 'libs', 'console-kit', 'src'),
        // Only plain vocabulary files are imported from the contracts (see console-kit's vocabulary.ts).
        '@bridges/contracts': join(ROOT, 'libs', 'contracts', 'src'),
      },
    },
    build: {
      outDir,
      emptyOutDir: true,
      manifest: true,
      sourcemap: true,
      rolldownOptions: {
        // React libraries mark modules "use client" for server rendering, which a console does not do.
        onwarn: (warning, warn) => {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
  });
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  return initialChunks(manifest).reduce(
    (sum, file) => sum + gzipSync(readFileSync(join(outDir, file))).length,
    0,
  );
}

async function main(): Promise<void> {
  // Always React's production build, also when run from tests (NODE_ENV=test would bundle its development build).
  process.env.NODE_ENV = 'production';
  const only = process.argv.slice(2);
  const over: string[] = [];
  for (const service of CONSOLE_SERVICES.filter((s) => only.length === 0 || only.includes(s))) {
    const bytes = await buildConsole(service);
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    const verdict = bytes <= INITIAL_JS_BUDGET_BYTES ? 'within' : 'OVER';
    process.stdout.write(
      `console ${service}: initial JS ${kb(bytes)} gzipped (${verdict} the ${kb(INITIAL_JS_BUDGET_BYTES)} budget) -> dist/consoles/${service}\n`,
    );
    if (bytes > INITIAL_JS_BUDGET_BYTES) over.push(service);
  }
  if (over.length > 0) {
    process.stderr.write(`consoles over the initial JavaScript budget: ${over.join(', ')}\n`);
    process.exit(1);
  }
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
