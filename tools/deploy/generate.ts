/** `npm run deploy:generate`: writes the deploy files generated from libs/contracts. */
import { writeFileSync } from 'node:fs';
import { KAFKA_TOPICS_FILE } from './deploy-paths';
import { renderKafkaTopics } from './kafka-topics';

writeFileSync(KAFKA_TOPICS_FILE, renderKafkaTopics());
console.log(`wrote ${KAFKA_TOPICS_FILE}`);
