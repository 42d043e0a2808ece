/**
 * Jest global teardown: stops only what global setup started — containers, or the local services
 * this run started. Infrastructure that was already running (infra:up, KAFKA_BROKERS/DATABASE_URL)
 * is left alone.
 */
import { stopLocalInfra } from '../../../../tools/infra';
import { harnessState, setHarnessState } from './harness-state';

export default async function globalTeardown(): Promise<void> {
  const state = harnessState();
  if (!state) return;
  state.users -= 1;
  if (state.users > 0) return;
  setHarnessState(undefined);
  for (const container of state.containers) await container.stop();
  if (state.startedLocal.length > 0) {
    await stopLocalInfra(state.startedLocal, (line) => process.stderr.write(`[test-infra] ${line}\n`));
  }
}
