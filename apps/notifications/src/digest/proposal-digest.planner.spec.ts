import type { DigestFrequency } from './digest-frequency';
import {
  digestDueAt,
  planProposalDigests,
  type PendingProposalNotification,
} from './proposal-digest.planner';

const at = (iso: string) => new Date(`2026-11-28T${iso}Z`);

function row(
  id: string,
  recipientId: string,
  proposalId: string,
  time: string,
  score = 0.5,
): PendingProposalNotification {
  return { id, recipientId, proposalId, createdAt: at(time), score };
}

function frequencies(map: Record<string, DigestFrequency>) {
  return (recipientId: string) => map[recipientId] ?? 'immediate';
}

describe(digestDueAt.name, () => {
  it('should be due at once when the frequency is immediate', () => {
    expect(digestDueAt(at('10:15:00'), 'immediate')).toEqual(at('10:15:00'));
    expect(digestDueAt(at('10:15:00'), 'immediate', { immediateDelayMs: 30_000 })).toEqual(at('10:15:30'));
  });

  it('should be due at the next top of the hour when hourly', () => {
    expect(digestDueAt(at('10:15:00'), 'hourly')).toEqual(at('11:00:00'));
    expect(digestDueAt(at('10:00:00'), 'hourly')).toEqual(at('11:00:00'));
  });

  it('should be due at the daily hour today when queued before it, else tomorrow', () => {
    expect(digestDueAt(at('05:59:59'), 'daily')).toEqual(at('06:00:00'));
    expect(digestDueAt(at('06:00:00'), 'daily')).toEqual(new Date('2026-11-29T06:00:00Z'));
    expect(digestDueAt(at('10:00:00'), 'daily', { dailyHourUtc: 16 })).toEqual(at('16:00:00'));
  });

  it('should throw when the daily hour is out of range', () => {
    expect(() => digestDueAt(at('10:00:00'), 'daily', { dailyHourUtc: 24 })).toThrow(RangeError);
  });
});

describe(planProposalDigests.name, () => {
  it('should put all pending proposals of a recipient into one digest, best score first', () => {
    const pending = [
      row('r1', 'alice', 'p1', '10:00:00', 0.6),
      row('r2', 'alice', 'p2', '10:00:01', 0.9),
      row('r3', 'alice', 'p3', '10:00:02', 0.7),
    ];
    const plan = planProposalDigests(pending, { now: at('10:00:05'), frequencyOf: frequencies({}) });

    expect(plan.due).toHaveLength(1);
    expect(plan.due[0].items.map((i) => i.proposalId)).toEqual(['p2', 'p3', 'p1']);
    expect(plan.due[0].consumedIds).toEqual(['r1', 'r2', 'r3']);
    expect(plan.nextDueAt).toBeNull();
  });

  it('should make one digest per recipient when several recipients wait', () => {
    const pending = [
      row('r1', 'bob', 'p1', '10:00:00'),
      row('r2', 'alice', 'p1', '10:00:00'),
      row('r3', 'bob', 'p2', '10:00:00'),
    ];
    const plan = planProposalDigests(pending, { now: at('10:01:00'), frequencyOf: frequencies({}) });

    expect(plan.due.map((d) => [d.recipientId, d.items.length])).toEqual([
      ['alice', 1],
      ['bob', 2],
    ]);
  });

  it('should hold hourly recipients until the hour is over and report when', () => {
    const pending = [row('r1', 'carol', 'p1', '10:20:00'), row('r2', 'dave', 'p2', '10:20:00')];
    const plan = planProposalDigests(pending, {
      now: at('10:59:59'),
      frequencyOf: frequencies({ carol: 'hourly', dave: 'daily' }),
    });

    expect(plan.due).toEqual([]);
    expect(plan.nextDueAt).toEqual(at('11:00:00'));
  });

  it('should include rows queued after the window when the digest is sent late', () => {
    const pending = [row('r1', 'carol', 'p1', '10:20:00'), row('r2', 'carol', 'p2', '11:05:00')];
    const plan = planProposalDigests(pending, {
      now: at('11:10:00'),
      frequencyOf: frequencies({ carol: 'hourly' }),
    });

    expect(plan.due).toHaveLength(1);
    expect(plan.due[0]).toMatchObject({
      frequency: 'hourly',
      dueAt: at('11:00:00'),
      consumedIds: ['r1', 'r2'],
    });
  });

  it('should send daily digests at the daily hour', () => {
    const pending = [row('r1', 'dave', 'p1', '09:00:00')];
    const options = { frequencyOf: frequencies({ dave: 'daily' }), dailyHourUtc: 6 };

    expect(planProposalDigests(pending, { ...options, now: new Date('2026-11-29T05:59:00Z') }).due).toEqual(
      [],
    );
    expect(
      planProposalDigests(pending, { ...options, now: new Date('2026-11-29T06:00:00Z') }).due,
    ).toHaveLength(1);
  });

  it('should show a proposal queued twice once with its newest data and consume both rows', () => {
    const pending = [row('r1', 'alice', 'p1', '10:00:00', 0.5), row('r2', 'alice', 'p1', '10:00:03', 0.8)];
    const [digest] = planProposalDigests(pending, { now: at('10:01:00'), frequencyOf: frequencies({}) }).due;

    expect(digest.items).toEqual([pending[1]]);
    expect(digest.consumedIds).toEqual(['r1', 'r2']);
  });

  it('should split a long digest when it exceeds maxItemsPerDigest', () => {
    const pending = Array.from({ length: 5 }, (_, i) => row(`r${i}`, 'alice', `p${i}`, '10:00:00', i / 10));
    const plan = planProposalDigests(pending, {
      now: at('10:01:00'),
      frequencyOf: frequencies({}),
      maxItemsPerDigest: 2,
    });

    expect(plan.due.map((d) => d.items.map((i) => i.proposalId))).toEqual([
      ['p4', 'p3'],
      ['p2', 'p1'],
      ['p0'],
    ]);
    expect(plan.due.flatMap((d) => d.consumedIds).sort()).toEqual(['r0', 'r1', 'r2', 'r3', 'r4']);
    expect(new Set(plan.due.map((d) => d.digestId)).size).toBe(3);
  });

  it('should give the same digests and ids when planned again over the same rows in another order', () => {
    const pending = [
      row('r1', 'alice', 'p1', '10:00:00', 0.5),
      row('r2', 'bob', 'p2', '10:00:00', 0.5),
      row('r3', 'alice', 'p3', '10:00:00', 0.5),
    ];
    const options = { now: at('10:01:00'), frequencyOf: frequencies({}) };

    const first = planProposalDigests(pending, options);
    const second = planProposalDigests([...pending].reverse(), options);
    expect(second).toEqual(first);
    expect(first.due[0].items.map((i) => i.proposalId)).toEqual(['p1', 'p3']);
  });

  it('should give a different digest id when the set of rows differs', () => {
    const options = { now: at('10:01:00'), frequencyOf: frequencies({}) };
    const one = planProposalDigests([row('r1', 'alice', 'p1', '10:00:00')], options).due[0];
    const two = planProposalDigests(
      [row('r1', 'alice', 'p1', '10:00:00'), row('r2', 'alice', 'p2', '10:00:00')],
      options,
    ).due[0];
    expect(one.digestId).not.toBe(two.digestId);
    expect(one.digestId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('should leave rows stamped in the future for later when clocks disagree', () => {
    const pending = [row('r1', 'alice', 'p1', '10:00:00'), row('r2', 'alice', 'p2', '10:05:00')];
    const plan = planProposalDigests(pending, { now: at('10:01:00'), frequencyOf: frequencies({}) });

    expect(plan.due[0].consumedIds).toEqual(['r1']);
    expect(plan.nextDueAt).toEqual(at('10:05:00'));
  });

  it('should return nothing when nothing is pending', () => {
    expect(planProposalDigests([], { now: at('10:00:00'), frequencyOf: frequencies({}) })).toEqual({
      due: [],
      nextDueAt: null,
    });
  });

  it('should keep the caller fields on items', () => {
    const pending = [{ ...row('r1', 'alice', 'p1', '10:00:00'), partnerName: 'Kraków' }];
    const [digest] = planProposalDigests(pending, { now: at('10:00:00'), frequencyOf: frequencies({}) }).due;
    expect(digest.items[0].partnerName).toBe('Kraków');
  });
});
