/** The knobs of bench:throughput (environment variables, with defaults sized for a 2-core machine). */
export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
export const ROUND_SECONDS = Number(process.env.BENCH_ROUND_SECONDS ?? 5);
export const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? '1,2,4,8,16,32').split(',').map(Number);
export const EU_EVENTS = Number(process.env.BENCH_EU_EVENTS ?? 1500);
export const HROMADA_EVENTS = Number(process.env.BENCH_HROMADA_EVENTS ?? 100);
export const NOMINATION_EVENTS = Number(process.env.BENCH_NOMINATION_EVENTS ?? 600);
export const DIRECTORY_EVENTS = Number(process.env.BENCH_DIRECTORY_EVENTS ?? 600);
export const PROPOSAL_EVENTS = Number(process.env.BENCH_PROPOSAL_EVENTS ?? 1500);
export const SERVICES = (process.env.BENCH_SERVICES ?? 'registry,matching,notifications').split(',');

export const log = (line: string) => process.stderr.write(`${line}\n`);

/** One line of the closing summary: what one instance sustained, and what bounded it. */
export interface SummaryRow {
  readonly service: string;
  readonly work: string;
  readonly sustained: string;
  readonly bound: string;
}
