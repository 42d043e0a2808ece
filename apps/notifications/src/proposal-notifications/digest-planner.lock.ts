/**
 * pg advisory lock of digest planning ("ntfd" in ASCII). The planner takes it exclusively (one planner
 * at a time across instances); recording a proposal's outcome takes it shared, so an outcome never
 * slips between a planning round reading the outcomes and committing the digest it queued.
 */
export const DIGEST_PLANNER_LOCK = 0x6e746664;
