import type { InfraService } from '../../../../tools/infra';

/** Where the test infrastructure came from, in the order global setup tries them. */
export type InfraSource = 'env' | 'docker' | 'local';

export interface HarnessState {
  source: InfraSource;
  /** Global setup runs once per jest project (integration, e2e); teardown stops at the last one. */
  users: number;
  /** Local services this jest process started (and will stop). */
  startedLocal: InfraService[];
  /** Containers started through testcontainers, stopped at teardown. */
  containers: { stop(): Promise<unknown> }[];
}

const KEY = '__bridgesTestInfra__';

/** Kept on globalThis: jest loads global setup and teardown as separate modules in one process. */
export function harnessState(): HarnessState | undefined {
  return (globalThis as Record<string, unknown>)[KEY] as HarnessState | undefined;
}

export function setHarnessState(state: HarnessState | undefined): void {
  (globalThis as Record<string, unknown>)[KEY] = state;
}
