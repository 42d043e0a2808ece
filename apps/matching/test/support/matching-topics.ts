import { Topics, topicSpec } from '@bridges/contracts';
import { provisionTestTopics } from '@bridges/testing';

/** The topics matching consumes and produces, under a test file's prefix. */
export const MATCHING_TEST_TOPICS = [
  Topics.registry.municipality,
  Topics.matching.proposal,
  Topics.matching.partnership,
];

/**
 * Creates the prefixed topics. Retried: when several test files create topics at the same moment the
 * broker sometimes answers a metadata request before the new partitions have a leader.
 */
export async function provisionMatchingTopics(prefix: string, attempts = 3): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await provisionTestTopics(
        prefix,
        MATCHING_TEST_TOPICS.map((name) => ({ name, partitions: topicSpec(name).partitions })),
      );
      return;
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((r) => setTimeout(r, 1_000 * attempt));
    }
  }
}
