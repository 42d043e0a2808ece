import { closedReason, type ProposalOutcome } from './proposal-openness.policy';

const open: ProposalOutcome = {
  hromadaDecision: null,
  euDecision: null,
  withdrawn: false,
  partnershipId: null,
};

describe(closedReason.name, () => {
  it('should keep a proposal nobody decided yet, or one notifications knows nothing of', () => {
    expect(closedReason(undefined, 'municipality')).toBeNull();
    expect(closedReason(open, 'coordinator')).toBeNull();
  });

  it('should close a proposal for everyone once it became a partnership, was withdrawn or declined', () => {
    for (const audience of ['municipality', 'coordinator'] as const) {
      expect(closedReason({ ...open, partnershipId: 'p-1' }, audience)).toBe('partnership');
      expect(closedReason({ ...open, withdrawn: true }, audience)).toBe('withdrawn');
      expect(closedReason({ ...open, euDecision: 'declined' }, audience)).toBe('declined');
      expect(closedReason({ ...open, hromadaDecision: 'declined' }, audience)).toBe('declined');
    }
  });

  it('should close a proposal both sides accepted before its partnership event arrives', () => {
    const both: ProposalOutcome = { ...open, hromadaDecision: 'accepted', euDecision: 'accepted' };
    expect(closedReason(both, 'coordinator')).toBe('accepted-by-both');
  });

  it("should drop a proposal from the hromada contacts' digest once their hromada decided, not from a coordinator's", () => {
    const accepted: ProposalOutcome = { ...open, hromadaDecision: 'accepted' };
    expect(closedReason(accepted, 'municipality')).toBe('decided-by-hromada');
    expect(closedReason(accepted, 'coordinator')).toBeNull();
  });

  it('should keep a proposal the EU side accepted open for the hromada, who still has to decide', () => {
    expect(closedReason({ ...open, euDecision: 'accepted' }, 'municipality')).toBeNull();
  });
});
