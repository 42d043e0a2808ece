/** Number of lanes the outbox is split into; fixed, since stored rows carry their lane. */
export const OUTBOX_LANES = 16;

/** FNV-1a: stable across processes and Node versions, cheap, and spreads short ids well. */
export function outboxLaneOf(recordKey: string, lanes = OUTBOX_LANES): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < recordKey.length; i++) {
    hash ^= recordKey.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % lanes;
}

/** PostgreSQL NOTIFY channel that wakes the relay when an outbox row commits. */
export const OUTBOX_NOTIFY_CHANNEL = 'bridges_outbox';
