import { parseRedriveArgs } from './redrive-args';

describe(parseRedriveArgs.name, () => {
  it('should collect event ids from repeated and comma-separated --event-id', () => {
    expect(
      parseRedriveArgs(['--topic', 'matching.proposal.v1.dlq', '--event-id', 'a,b', '--event-id', 'c']),
    ).toEqual({
      deadLetterTopic: 'matching.proposal.v1.dlq',
      selection: { eventIds: ['a', 'b', 'c'] },
      dryRun: false,
    });
  });

  it('should select by reason or all, with --dry-run', () => {
    expect(parseRedriveArgs(['--topic', 't.dlq', '--reason', 'not in the directory', '--dry-run'])).toEqual({
      deadLetterTopic: 't.dlq',
      selection: { reason: 'not in the directory' },
      dryRun: true,
    });
    expect(parseRedriveArgs(['--topic', 't.dlq', '--all']).selection).toEqual({ all: true });
  });

  it('should refuse no selection, two selections, an empty reason or a missing topic', () => {
    expect(() => parseRedriveArgs(['--topic', 't.dlq'])).toThrow('choose exactly one of');
    expect(() => parseRedriveArgs(['--topic', 't.dlq', '--all', '--reason', 'x'])).toThrow(
      'choose exactly one of',
    );
    expect(() => parseRedriveArgs(['--topic', 't.dlq', '--reason', ' '])).toThrow(
      '--reason must not be empty',
    );
    expect(() => parseRedriveArgs(['--all'])).toThrow('--topic is required');
  });
});
