import { TopicNamer } from './topic-namer';

describe(TopicNamer.name, () => {
  describe('physical', () => {
    it('should prepend the prefix when one is configured', () => {
      expect(new TopicNamer('t-1a2b.').physical('registry.municipality.v1')).toBe(
        't-1a2b.registry.municipality.v1',
      );
    });

    it('should use the wire name unchanged when there is no prefix', () => {
      expect(new TopicNamer().physical('registry.municipality.v1')).toBe('registry.municipality.v1');
    });
  });

  describe('deadLetter', () => {
    it('should name the prefixed dead-letter twin', () => {
      expect(new TopicNamer('t.').deadLetter('matching.proposal.v1')).toBe('t.matching.proposal.v1.dlq');
    });
  });

  describe('wire', () => {
    it('should strip the prefix so dead letters name the wire topic', () => {
      expect(new TopicNamer('t.').wire('t.matching.proposal.v1')).toBe('matching.proposal.v1');
    });

    it('should leave a name without the prefix unchanged', () => {
      expect(new TopicNamer('t.').wire('matching.proposal.v1')).toBe('matching.proposal.v1');
    });
  });
});
