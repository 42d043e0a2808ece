import {
  initialSubscriptionHealth,
  isSubscriptionActive,
  recordAttemptOutcome,
  reenableSubscription,
  type SubscriptionHealth,
} from './webhook-subscription-health.policy';

const now = new Date('2026-11-28T12:00:00Z');

function failTimes(n: number, max = 3): { health: SubscriptionHealth; disabledOn: number[] } {
  let health = initialSubscriptionHealth();
  const disabledOn: number[] = [];
  for (let i = 1; i <= n; i++) {
    const t = recordAttemptOutcome(health, 'failed', now, max);
    if (t.justDisabled) disabledOn.push(i);
    health = t.health;
  }
  return { health, disabledOn };
}

describe(recordAttemptOutcome.name, () => {
  it('should count failures and stay active when below the threshold', () => {
    const { health, disabledOn } = failTimes(2);
    expect(health.consecutiveFailures).toBe(2);
    expect(isSubscriptionActive(health)).toBe(true);
    expect(disabledOn).toEqual([]);
  });

  it('should disable exactly once when the threshold of consecutive failures is reached', () => {
    const { health, disabledOn } = failTimes(5);
    expect(disabledOn).toEqual([3]);
    expect(health.disabledAt).toEqual(now);
    expect(health.disabledReason).toMatch(/3 consecutive/);
    expect(isSubscriptionActive(health)).toBe(false);
  });

  it('should reset the count when an attempt is delivered', () => {
    const { health } = failTimes(2);
    const after = recordAttemptOutcome(health, 'delivered', now, 3).health;
    expect(after.consecutiveFailures).toBe(0);
    expect(recordAttemptOutcome(after, 'failed', now, 3).justDisabled).toBe(false);
  });

  it('should not re-enable when a late success arrives for a disabled subscription', () => {
    const { health } = failTimes(3);
    expect(recordAttemptOutcome(health, 'delivered', now, 3).health).toBe(health);
  });
});

describe(reenableSubscription.name, () => {
  it('should make the subscription active with a clean count when an admin re-enables it', () => {
    const { health } = failTimes(3);
    const reenabled = reenableSubscription(health);
    expect(isSubscriptionActive(reenabled)).toBe(true);
    expect(reenabled.consecutiveFailures).toBe(0);
    expect(recordAttemptOutcome(reenabled, 'failed', now, 3).justDisabled).toBe(false);
  });
});
