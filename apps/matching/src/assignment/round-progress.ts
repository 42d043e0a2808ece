/** Progress of a global round, reported as it runs so the console can show it. */
export interface RoundProgress {
  /** `candidates`: scoring and building the sparse graph; `assign`: solving the assignment. */
  readonly phase: 'candidates' | 'assign';
  readonly done: number;
  readonly total: number;
}
