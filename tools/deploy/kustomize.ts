/**
 * The kustomize that renders deploy/k8s, at a pinned version: `go install`ed into .local/bin on first
 * use (Go 1.22+ and the Go module proxy needed), or taken from KUSTOMIZE when set.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const KUSTOMIZE_MODULE = 'sigs.k8s.io/kustomize/kustomize/v5';
export const KUSTOMIZE_VERSION = 'v5.7.1';

const ROOT = join(__dirname, '..', '..');
const LOCAL_BIN = join(ROOT, '.local', 'bin');

/** `go` on PATH, else the usual /usr/local/go install; undefined when there is none. */
function findGo(): string | undefined {
  for (const candidate of ['go', '/usr/local/go/bin/go']) {
    if (spawnSync(candidate, ['version'], { stdio: 'ignore' }).status === 0) return candidate;
  }
  return undefined;
}

function versionOf(binary: string): string | undefined {
  const result = spawnSync(binary, ['version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** Path of a kustomize binary at {@link KUSTOMIZE_VERSION}; installs it when missing, loudly. */
export function ensureKustomize(log: (line: string) => void = console.error): string {
  if (process.env.KUSTOMIZE) return process.env.KUSTOMIZE;
  const local = join(LOCAL_BIN, 'kustomize');
  if (existsSync(local) && versionOf(local)?.includes(KUSTOMIZE_VERSION)) return local;
  const go = findGo();
  if (!go) {
    throw new Error(
      `kustomize ${KUSTOMIZE_VERSION} is needed to render deploy/k8s, and it is installed with Go, which is missing. ` +
        'Install Go 1.22 or newer (on Debian bookworm: apt-get install -t bookworm-backports golang-1.23-go, then put ' +
        '/usr/lib/go-1.23/bin on PATH; or the official tarball at /usr/local/go), or set KUSTOMIZE to a kustomize binary.',
    );
  }
  log(
    `installing ${KUSTOMIZE_MODULE}@${KUSTOMIZE_VERSION} into ${LOCAL_BIN} with ${go} (first run only) ...`,
  );
  execFileSync(go, ['install', `${KUSTOMIZE_MODULE}@${KUSTOMIZE_VERSION}`], {
    stdio: 'inherit',
    env: { ...process.env, GOBIN: LOCAL_BIN, GOFLAGS: '-mod=mod', CGO_ENABLED: '0' },
  });
  if (!versionOf(local)) throw new Error(`go install finished but ${local} does not run`);
  return local;
}

/** The rendered YAML of a kustomization directory. */
export function kustomizeBuild(kustomize: string, dir: string): string {
  return execFileSync(kustomize, ['build', dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}
