import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A completed round's upper bound on the best total: with the total score, it proves how close to optimal the round is. */
export class RoundUpperBound1798000000000 implements MigrationInterface {
  name = 'RoundUpperBound1798000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "matching_round" ADD "upper_bound" double precision`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "matching_round" DROP COLUMN "upper_bound"`);
  }
}
