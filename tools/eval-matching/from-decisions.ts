/**
 * `npm run eval:matching -- --from-decisions`: re-runs the calibration on what happened to real proposals
 * (accepted, declined, and how their partnerships went) in the matching service's database, and suggests
 * campaign weights. Read-only. Method: docs/matching.md "Learning from decisions".
 */
import { Client } from 'pg';
import {
  DEFAULT_WEIGHTS,
  FACTOR_KEYS,
  type FactorKey,
  type FactorWeights,
} from '../../apps/matching/src/scoring/campaign';
import {
  buildDecisionGroups,
  crossValidateByHromada,
  type DecisionRecord,
  fittedScores,
  pairwiseAccuracy,
  publishedScores,
  refitWeights,
} from '../../apps/matching/src/scoring/decision-calibration';
import { FACTOR_WIRE_IDS } from '../../apps/matching/src/proposals/proposal.mapper';

/** The database `npm start` gives the matching service. */
export const DEV_MATCHING_DATABASE_URL = 'postgres://bridges:bridges@127.0.0.1:15432/bridges_matching';
/** Below this many comparisons a refit is printed but not suggested: a handful of decisions is anecdote. */
export const MIN_GROUPS = 30;

export interface FromDecisionsOptions {
  readonly databaseUrl: string;
  /** Only this campaign's decisions, compared with its weights; otherwise all, compared with the defaults. */
  readonly campaignId?: string;
}

export interface FromDecisionsResult {
  readonly decisions: number;
  readonly groups: number;
  /** The weights to put in a new campaign, or null with the reason. */
  readonly suggested: FactorWeights | null;
  readonly reason?: string;
}

const KEY_OF_WIRE_ID = new Map<string, FactorKey>(
  (Object.entries(FACTOR_WIRE_IDS) as [FactorKey, string][]).map(([key, wire]) => [wire, key]),
);

interface DecisionRow {
  proposal_id: string;
  campaign_id: string;
  hromada_id: string;
  status: 'accepted' | 'declined';
  score: number;
  factors: { factor: string; score: number }[];
  partnership_status: string | null;
  ever_active: boolean;
}

/** Every decided proposal (optionally of one campaign) with its partnership's status and whether it was ever active. */
export async function readDecisions(client: Client, campaignId?: string): Promise<DecisionRecord[]> {
  const { rows } = await client.query<DecisionRow>(
    `SELECT p.id AS proposal_id, p.campaign_id, p.hromada_id, p.status, p.score, p.factors,
            ps.status AS partnership_status,
            EXISTS (SELECT 1 FROM partnership_transition t
                     WHERE t.partnership_id = ps.id AND t.to_status = 'active') AS ever_active
       FROM proposal p
       LEFT JOIN partnership ps ON ps.proposal_id = p.id
      WHERE p.status IN ('accepted', 'declined') AND ($1::uuid IS NULL OR p.campaign_id = $1::uuid)
      ORDER BY p.campaign_id, p.hromada_id, p.id`,
    [campaignId ?? null],
  );
  return rows.map((r) => {
    const factors: Partial<Record<FactorKey, number>> = {};
    for (const f of r.factors) {
      const key = KEY_OF_WIRE_ID.get(f.factor);
      if (key) factors[key] = f.score;
    }
    return {
      proposalId: r.proposal_id,
      campaignId: r.campaign_id,
      hromadaId: r.hromada_id,
      status: r.status,
      score: r.score,
      factors,
      partnership: r.partnership_status ? { status: r.partnership_status, everActive: r.ever_active } : null,
    };
  });
}

async function currentWeights(client: Client, campaignId?: string): Promise<FactorWeights> {
  if (!campaignId) return DEFAULT_WEIGHTS;
  const { rows } = await client.query<{ weights: FactorWeights }>(
    'SELECT weights FROM campaign WHERE id = $1',
    [campaignId],
  );
  if (rows.length === 0) throw new Error(`no campaign ${campaignId} in this database: check --campaign`);
  // As the scorer reads them: a campaign stored before a factor existed has no weight for it and scores without it.
  const stored: Partial<FactorWeights> = rows[0].weights;
  return Object.fromEntries(FACTOR_KEYS.map((k) => [k, stored[k] ?? 0])) as FactorWeights;
}

/** Reads the decisions, refits, prints the report through `log`, and returns what it suggests. */
export async function runFromDecisions(
  options: FromDecisionsOptions,
  log: (line: string) => void,
): Promise<FromDecisionsResult> {
  const client = new Client({ connectionString: options.databaseUrl });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `cannot reach the matching database at ${redact(options.databaseUrl)} (${(error as Error).message}). ` +
        'Start the system (npm start) or pass --database-url postgres://… of the matching service.',
    );
  }
  try {
    const current = await currentWeights(client, options.campaignId);
    const records = await readDecisions(client, options.campaignId);
    const built = buildDecisionGroups(records);
    const { groups, active, outcomes } = built;
    log(
      `decided proposals: ${records.length}${options.campaignId ? ` in campaign ${options.campaignId}` : ' in all campaigns'}` +
        ` — worked ${outcomes.worked}, declined ${outcomes.declined}, accepted but never started ${outcomes['never-started']}`,
    );
    log(
      `comparisons: ${groups.length} (a proposal that worked against the failed ones of the same hromada's list); ` +
        `${built.listsWithoutContrast} lists had only one kind of outcome and teach nothing`,
    );
    const activeKeys = FACTOR_KEYS.filter((_, f) => active[f]);
    log(`factors the decisions can inform: ${activeKeys.length ? activeKeys.join(', ') : 'none'}`);
    if (groups.length === 0 || activeKeys.length === 0) {
      const reason =
        'nothing to learn yet: the decisions need lists where some proposals worked and others did not, differing in some factor';
      log(reason);
      return { decisions: records.length, groups: groups.length, suggested: null, reason };
    }
    const refit = refitWeights(groups, active, current);
    const cv = crossValidateByHromada(groups, active);
    log('\n| factor | current weight | refitted weight |');
    log('| --- | --- | --- |');
    for (const k of FACTOR_KEYS) {
      const refitted = refit.weights?.[k];
      log(
        `| ${k} | ${current[k]} | ${active[FACTOR_KEYS.indexOf(k)] ? refitted : `${current[k]} (not informed)`} |`,
      );
    }
    log(
      `\nHow often a proposal that worked outranks a failed one of its list (pairwise accuracy, 0.5 = chance):` +
        `\n  published scores (weights of the time): ${fmt(pairwiseAccuracy(groups.map(publishedScores)))} in-sample, ` +
        `${fmt(cv.published)} on held-out hromadas` +
        `\n  refitted weights: ${fmt(pairwiseAccuracy(groups.map((g) => fittedScores(refit.beta, g))))} in-sample, ` +
        `${fmt(cv.refitted)} on held-out hromadas (${cv.folds}-fold by hromada)`,
    );
    let reason: string | undefined;
    if (!refit.weights)
      reason = 'no informed factor ranks the proposals that worked higher: keep the current weights';
    else if (groups.length < MIN_GROUPS)
      reason = `only ${groups.length} comparisons (at least ${MIN_GROUPS}): too few to change weights on`;
    else if (!(cv.refitted > cv.published))
      reason = 'the refitted weights do not rank held-out hromadas better than the current ones: keep them';
    if (reason) {
      log(`\nno suggestion: ${reason}`);
      return { decisions: records.length, groups: groups.length, suggested: null, reason };
    }
    log('\nSuggested weights for the next campaign (POST /campaigns {"weights": …}; see docs/matching.md):');
    log(JSON.stringify(refit.weights));
    return { decisions: records.length, groups: groups.length, suggested: refit.weights };
  } finally {
    await client.end();
  }
}

const fmt = (x: number) => (Number.isNaN(x) ? 'n/a' : x.toFixed(3));

/** The URL without its password, for messages. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(not a URL)';
  }
}

/** `--from-decisions [--database-url URL] [--campaign UUID]`; the URL defaults to MATCHING_DATABASE_URL, then npm start's. */
export function fromDecisionsOptions(argv: readonly string[]): FromDecisionsOptions {
  const value = (name: string) => {
    const i = argv.indexOf(name);
    if (i < 0) return undefined;
    const v = argv[i + 1];
    if (!v || v.startsWith('--')) throw new Error(`${name} needs a value`);
    return v;
  };
  const campaignId = value('--campaign');
  if (campaignId && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(campaignId))
    throw new Error(`--campaign must be a campaign id (a UUID), got ${campaignId}`);
  return {
    databaseUrl: value('--database-url') ?? process.env.MATCHING_DATABASE_URL ?? DEV_MATCHING_DATABASE_URL,
    campaignId,
  };
}
