import { InternalServerErrorException, UnauthorizedException } from '@nestjs/common';
import { validationFailed } from '@bridges/platform';
import { claimedIdentity, describeRefusal, IngestRefusalReason } from './ingest-refusal';
import { ReplayedIngestError, WrongAssociationError } from './ingest.errors';

describe('ingest refusal', () => {
  describe(describeRefusal.name, () => {
    it('should name each refusal POST /ingest answers with', () => {
      expect(describeRefusal(new UnauthorizedException('bad signature'))).toEqual({
        reason: IngestRefusalReason.Unauthenticated,
        message: 'bad signature',
      });
      expect(describeRefusal(new ReplayedIngestError())?.reason).toBe(IngestRefusalReason.Replayed);
      expect(describeRefusal(new WrongAssociationError('a', 'b'))?.reason).toBe(
        IngestRefusalReason.WrongAssociation,
      );
    });

    it('should keep the field errors of a validation 400 as its message', () => {
      const error = validationFailed([
        { field: 'data.officialCode', messages: ['must be a string', 'should not be empty'] },
        { field: 'type', messages: ['must be one of x'] },
      ]);
      expect(describeRefusal(error)).toEqual({
        reason: IngestRefusalReason.InvalidEvent,
        message: 'data.officialCode: must be a string, should not be empty; type: must be one of x',
      });
    });

    it('should not call a server failure a refusal', () => {
      expect(describeRefusal(new InternalServerErrorException())).toBeUndefined();
      expect(describeRefusal(new Error('connection refused'))).toBeUndefined();
    });
  });

  describe(claimedIdentity.name, () => {
    it('should read the id and type a body names, and nothing from what is not a JSON object', () => {
      expect(claimedIdentity(Buffer.from('{"id":"e1","type":"t","data":{}}'))).toEqual({
        eventId: 'e1',
        eventType: 't',
      });
      expect(claimedIdentity(Buffer.from('{"id":5}'))).toEqual({});
      expect(claimedIdentity(Buffer.from('not json'))).toEqual({});
      expect(claimedIdentity(Buffer.from('null'))).toEqual({});
    });
  });
});
