import type { PledgeLineEntity } from './pledge-line.entity';
import type { PledgeEntity } from './pledge.entity';

export interface PledgeView extends Omit<PledgeEntity, 'valueMinor' | 'currency'> {
  readonly declaredValue: { readonly amountMinor: number; readonly currency: string } | null;
  readonly lines: readonly { readonly lineId: string; readonly quantity: number }[];
}

export function toPledgeView(pledge: PledgeEntity, lines: readonly PledgeLineEntity[]): PledgeView {
  const { valueMinor, currency, ...rest } = pledge;
  return {
    ...rest,
    declaredValue: valueMinor !== null && currency ? { amountMinor: valueMinor, currency } : null,
    lines: lines.map((l) => ({ lineId: l.lineId, quantity: l.quantity })),
  };
}
