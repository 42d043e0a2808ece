// Whole services over HTTP and Kafka, sometimes several processes: allow minutes, not seconds.
jest.setTimeout(180_000);
