import { Topics, topicSpec } from '@bridges/contracts';
import { provisionTestTopics } from '@bridges/testing';

/** The topics matching consumes and produces, under a test file's prefix. */
export const MATCHING_TEST_TOPICS = [
  Topics.registry.municipality,
  Topics.matching.proposal,
  Topics.matching.partnership,
];

/** Creates the prefixed topics matching tests use (retried by the shared provisioning). */
export async function provisionMatchingTopics(prefix: string): Promise<void> {
  await provisionTestTopics(
    prefix,
    MATCHING_TEST_TOPICS.map((name) => ({ name, partitions: topicSpec(name).partitions })),
  );
}
