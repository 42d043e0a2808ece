/**
 * The figures of a fault-suite run, written as JSON (for tools) and markdown (for docs/reliability.md)
 * to `.local/fault-suite/`. Each scenario records its figures before it asserts on them, so a failing
 * run still says what was lost or doubled.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { total, type ChainFigures } from './chain-audit';

export interface ChainScenarioRecord {
  kind: 'chain';
  scenario: string;
  fault: string;
  durationMs: number;
  /** Whether every stage finished (outboxes empty, consumers at the end) before the audit. */
  quiet: boolean;
  figures: ChainFigures;
}

export interface CapacityScenarioRecord {
  kind: 'capacity';
  scenario: string;
  fault: string;
  durationMs: number;
  capacity: number;
  concurrentAcceptances: number;
  answers: Record<string, number>;
  partnershipsStored: number;
  establishedEventsPublished: number;
}

export type ScenarioRecord = ChainScenarioRecord | CapacityScenarioRecord;

export class FaultReport {
  private readonly records: ScenarioRecord[] = [];
  private readonly startedAt = new Date();

  constructor(private readonly dir: string) {}

  add(record: ScenarioRecord): void {
    this.records.push(record);
  }

  write(): string {
    mkdirSync(this.dir, { recursive: true });
    const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
    const report = { startedAt: this.startedAt.toISOString(), machine, scenarios: this.records };
    writeFileSync(join(this.dir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
    const file = join(this.dir, 'report.md');
    writeFileSync(file, this.markdown(machine));
    return file;
  }

  private markdown(machine: string): string {
    const chain = this.records.filter((r): r is ChainScenarioRecord => r.kind === 'chain');
    const capacity = this.records.filter((r): r is CapacityScenarioRecord => r.kind === 'capacity');
    const lines = [`Fault suite run of ${this.startedAt.toISOString()} on ${machine}.`, ''];
    lines.push(
      '| scenario | sent | acknowledged | stored | published | consumed (matching / notifications) | proposals stored / published | digests sent / received | lost | duplicated | dead-lettered | redelivered | time |',
      '| --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |',
    );
    for (const { scenario, figures: f, durationMs, quiet } of chain) {
      lines.push(
        `| ${scenario}${quiet ? '' : ' (did not settle)'} | ${f.sent} | ${f.acknowledged} | ${f.stored} | ${f.published} | ${f.consumedByMatching} / ${f.consumedByNotifications} | ${f.proposalsStored} / ${f.proposalsPublished} | ${f.digestsSent} / ${f.digestEmails} | ${total(f.lost)} | ${total(f.duplicated)} | ${f.deadLettered} | ${f.redelivered} | ${Math.round(durationMs / 1000)} s |`,
      );
    }
    for (const { scenario, figures: f } of chain) {
      const nonZero = (figures: Record<string, number>) =>
        Object.entries(figures)
          .filter(([, n]) => n > 0)
          .map(([k, n]) => `${k} ${n}`)
          .join(', ') || 'none';
      lines.push(
        '',
        `- **${scenario}**: answers ${JSON.stringify(f.answers)} over ${f.attempts} requests; lost: ${nonZero(f.lost)}; duplicated: ${nonZero(f.duplicated)}; emails resent with the same Message-ID: ${f.emailsResent}; dead-letter reasons: ${JSON.stringify(f.deadLetterReasons)}.`,
      );
    }
    if (capacity.length > 0) {
      lines.push(
        '',
        '| scenario | capacity | concurrent acceptances | answers | partnerships stored | established events published | time |',
        '| --- | --: | --: | --- | --: | --: | --: |',
      );
      for (const r of capacity) {
        lines.push(
          `| ${r.scenario} | ${r.capacity} | ${r.concurrentAcceptances} | ${JSON.stringify(r.answers)} | ${r.partnershipsStored} | ${r.establishedEventsPublished} | ${Math.round(r.durationMs / 1000)} s |`,
        );
      }
    }
    return `${lines.join('\n')}\n`;
  }
}
