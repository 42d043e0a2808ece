import { ConflictException, Logger, ServiceUnavailableException } from '@nestjs/common';
import {
  QueryFailedError,
  QueryRunnerAlreadyReleasedError,
  QueryRunnerProviderAlreadyReleasedError,
} from 'typeorm';
import { AllExceptionsFilter } from './all-exceptions.filter';
import { DomainError, DomainErrorKind } from './domain.error';

describe(AllExceptionsFilter.name, () => {
  let errorLog: jest.SpyInstance;
  beforeEach(() => {
    errorLog = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => errorLog.mockRestore());

  describe('toResponse', () => {
    it('should keep the status and message when an HttpException is thrown', () => {
      const { status, body } = new AllExceptionsFilter().toResponse(
        new ConflictException('Already registered'),
      );

      expect(status).toBe(409);
      expect(body).toMatchObject({ statusCode: 409, error: 'Conflict', message: 'Already registered' });
      expect(errorLog).not.toHaveBeenCalled();
    });

    it('should map the kind to a status and expose the code when a DomainError is thrown', () => {
      const error = new DomainError('SEATS_EXHAUSTED', DomainErrorKind.Conflict, 'No seats left', {
        cause: new Error('db detail'),
      });

      expect(new AllExceptionsFilter().toResponse(error)).toEqual({
        status: 409,
        body: { statusCode: 409, error: 'Conflict', code: 'SEATS_EXHAUSTED', message: 'No seats left' },
      });
    });

    it('should answer 413 when the body parser reports an oversized entity', () => {
      const tooLarge = Object.assign(new Error('request entity too large'), {
        status: 413,
        expose: true,
        type: 'entity.too.large',
      });

      expect(new AllExceptionsFilter().toResponse(tooLarge).status).toBe(413);
    });

    it('should answer 500 with a generic message and log the error when it is unknown', () => {
      const error = new TypeError("Cannot read properties of undefined (reading 'id')");

      const { status, body } = new AllExceptionsFilter().toResponse(error);

      expect(status).toBe(500);
      expect(body.message).toBe('Internal server error');
      expect(errorLog).toHaveBeenCalledWith(error);
    });

    describe('when the database is unreachable', () => {
      let warnLog: jest.SpyInstance;
      beforeEach(() => {
        warnLog = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
      });
      afterEach(() => warnLog.mockRestore());

      const pgError = (code: string, message = 'terminating connection due to administrator command') =>
        Object.assign(new Error(message), { code });
      const refused = () =>
        Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

      it.each([
        [
          'a query cut by a server shutdown (57P01, wrapped by TypeORM)',
          new QueryFailedError('INSERT …', [], pgError('57P01')),
        ],
        ['a server starting up (57P03)', pgError('57P03', 'the database system is starting up')],
        ['a connection exception (08006)', pgError('08006', 'connection failure')],
        ['a refused connection', refused()],
        [
          'a refused connection to every address (AggregateError)',
          new AggregateError([refused(), refused()]),
        ],
        ['a connection dropped mid-transaction', new Error('Connection terminated unexpectedly')],
        ['a pool that could not connect in time', new Error('timeout exceeded when trying to connect')],
        ['a refusal wrapped as a cause', new Error('could not start transaction', { cause: refused() })],
        ['a transaction whose dropped connection fails the rollback', new QueryRunnerAlreadyReleasedError()],
        ['a query on a connection already released', new QueryRunnerProviderAlreadyReleasedError()],
      ])('should answer 503 with Retry-After for %s', (_what, error) => {
        const { status, body, headers } = new AllExceptionsFilter().toResponse(error);

        expect(status).toBe(503);
        expect(headers).toEqual({ 'Retry-After': '5' });
        expect(body).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
        expect(body.message).not.toContain('127.0.0.1');
        expect(errorLog).not.toHaveBeenCalled();
      });

      it('should still answer 500 when the database rejects the statement itself', () => {
        const unique = new QueryFailedError('INSERT …', [], pgError('23505', 'duplicate key'));

        const { status, headers } = new AllExceptionsFilter().toResponse(unique);

        expect(status).toBe(500);
        expect(headers).toBeUndefined();
      });
    });

    it('should not treat an error as client-safe when it has a 4xx status but no expose flag', () => {
      const internal = Object.assign(new Error('SELECT * FROM secrets failed'), { status: 400 });

      expect(new AllExceptionsFilter().toResponse(internal).status).toBe(500);
    });

    it('should not log when a deliberate 503 is returned', () => {
      new AllExceptionsFilter().toResponse(new ServiceUnavailableException());

      expect(errorLog).not.toHaveBeenCalled();
    });
  });
});
