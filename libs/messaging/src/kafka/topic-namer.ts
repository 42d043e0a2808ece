import { dlqTopicName } from '@bridges/contracts';

/**
 * Maps wire topic names to the physical topics of this deployment. The prefix is empty in
 * production and unique per test file, so test files never see each other's records.
 */
export class TopicNamer {
  constructor(private readonly prefix = '') {}

  physical(wireTopic: string): string {
    return `${this.prefix}${wireTopic}`;
  }

  deadLetter(wireTopic: string): string {
    return this.physical(dlqTopicName(wireTopic));
  }

  wire(physicalTopic: string): string {
    return this.prefix && physicalTopic.startsWith(this.prefix)
      ? physicalTopic.slice(this.prefix.length)
      : physicalTopic;
  }
}
