// Real brokers and databases: startup and shutdown (a consumer leaving its group) take seconds.
jest.setTimeout(60_000);
