import type { DataSource } from 'typeorm';

/**
 * The SQL TypeORM would run to make the database match the entities. Empty when the migrations
 * (already run) and the entities agree; used by each service's drift test and by
 * `npm run migration:generate` to draft a new migration.
 */
export async function findSchemaDrift(dataSource: DataSource): Promise<string[]> {
  const sqlInMemory = await dataSource.driver.createSchemaBuilder().log();
  return sqlInMemory.upQueries.map((q) => q.query);
}
