/**
 * The "disable a subscription after N consecutive failed attempts" policy, as pure state transitions.
 * A disabled subscription receives nothing until an admin re-enables it; any success resets the count.
 */

/** Failed attempts in a row (across deliveries) that disable a subscription. */
export const DEFAULT_MAX_CONSECUTIVE_FAILURES = 15;

/** The part of a webhook subscription this policy reads and writes. */
export interface SubscriptionHealth {
  consecutiveFailures: number;
  /** Set when the policy disabled the subscription; null while active. */
  disabledAt: Date | null;
  disabledReason: string | null;
}

export interface HealthTransition {
  health: SubscriptionHealth;
  /** True only on the attempt that disabled it, so the caller alerts the association once. */
  justDisabled: boolean;
}

/** A fresh, active subscription. */
export function initialSubscriptionHealth(): SubscriptionHealth {
  return { consecutiveFailures: 0, disabledAt: null, disabledReason: null };
}

/** Applies one attempt's outcome. Outcomes of a subscription that is already disabled change nothing. */
export function recordAttemptOutcome(
  health: SubscriptionHealth,
  outcome: 'delivered' | 'failed',
  now: Date = new Date(),
  maxConsecutiveFailures: number = DEFAULT_MAX_CONSECUTIVE_FAILURES,
): HealthTransition {
  if (health.disabledAt !== null) return { health, justDisabled: false };
  if (outcome === 'delivered') {
    return { health: { ...health, consecutiveFailures: 0 }, justDisabled: false };
  }
  const consecutiveFailures = health.consecutiveFailures + 1;
  if (consecutiveFailures >= maxConsecutiveFailures) {
    return {
      health: {
        consecutiveFailures,
        disabledAt: now,
        disabledReason: `${consecutiveFailures} consecutive failed delivery attempts`,
      },
      justDisabled: true,
    };
  }
  return { health: { ...health, consecutiveFailures }, justDisabled: false };
}

/** Whether new deliveries may be sent to this subscription. */
export function isSubscriptionActive(health: SubscriptionHealth): boolean {
  return health.disabledAt === null;
}

/** Admin action: re-enable with a clean slate, so one more failure does not disable it again at once. */
export function reenableSubscription(_health: SubscriptionHealth): SubscriptionHealth {
  return initialSubscriptionHealth();
}
