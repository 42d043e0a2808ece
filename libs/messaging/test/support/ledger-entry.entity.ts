import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A throwaway state change for messaging tests: one row per applied effect (`seq` gives their order). */
@Entity({ name: 'test_ledger_entry' })
export class LedgerEntryEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'aggregate_id', type: 'text' }) aggregateId: string;
  @Column({ type: 'text' }) note: string;
}

export class CreateLedger1764331200001 {
  name = 'CreateLedger1764331200001';
  async up(q: { query(sql: string): Promise<unknown> }): Promise<void> {
    await q.query(
      `CREATE TABLE "test_ledger_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "seq" BIGSERIAL NOT NULL, "aggregate_id" text NOT NULL, "note" text NOT NULL, PRIMARY KEY ("id"))`,
    );
  }
  async down(q: { query(sql: string): Promise<unknown> }): Promise<void> {
    await q.query(`DROP TABLE "test_ledger_entry"`);
  }
}
