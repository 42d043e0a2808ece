import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** How much of one request line a pledge promises. */
@Entity({ name: 'pledge_line' })
@Check('ck_pledge_line_quantity', `"quantity" > 0`)
export class PledgeLineEntity {
  @PrimaryColumn({ name: 'pledge_id', type: 'uuid' }) pledgeId: string;
  @PrimaryColumn({ name: 'line_id', type: 'uuid' }) lineId: string;
  @Column({ type: 'integer' }) quantity: number;
}
