import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { AidCategory, UnitCode } from '@bridges/contracts';

/**
 * One line of a request. `pledged` and `received` are maintained in place; the CHECK is the database's
 * own guarantee that no interleaving of concurrent pledges can promise more than was asked.
 */
@Entity({ name: 'aid_request_line' })
@Index('ux_aid_request_line_no', ['requestId', 'lineNo'], { unique: true })
@Check('ck_aid_request_line_pledged', `"pledged" >= 0 AND "pledged" <= "quantity"`)
@Check('ck_aid_request_line_quantity', `"quantity" > 0 AND "received" >= 0`)
export class AidRequestLineEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'request_id', type: 'uuid' }) requestId: string;
  @Column({ name: 'line_no', type: 'integer' }) lineNo: number;
  @Column({ type: 'text' }) item: string;
  @Column({ type: 'text' }) category: AidCategory;
  @Column({ type: 'text' }) unit: UnitCode;
  @Column({ type: 'integer' }) quantity: number;
  @Column({ type: 'integer', default: 0 }) pledged: number;
  @Column({ type: 'integer', default: 0 }) received: number;
}
