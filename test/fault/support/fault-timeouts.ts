// A scenario starts, kills and restarts real processes (a Kafka broker takes ~20 s to recover): minutes.
jest.setTimeout(240_000);
