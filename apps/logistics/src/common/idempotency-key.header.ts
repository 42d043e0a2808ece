import { ApiHeader } from '@nestjs/swagger';

/** Swagger note for every creating POST. */
export const ApiIdempotencyKey = () =>
  ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'Any unique string (1–255 visible ASCII characters). A retry with the same key and body returns the ' +
      'first result without creating anything again (Idempotent-Replayed: true); another body with the same key is 422',
  });
