import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { ReadinessRegistry } from './readiness.registry';
import type { ReadinessCheck } from './readiness-check';

/**
 * `SELECT 1` on the app's TypeORM DataSource (looked up by its class token anywhere in the app, as
 * @nestjs/typeorm or the persistence lib provide it). Reports down when no DataSource is registered,
 * so a wiring mistake is visible instead of silently ready.
 */
@Injectable()
export class DatabaseReadinessCheck implements ReadinessCheck, OnModuleInit {
  readonly name = 'database';

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly registry: ReadinessRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async check(): Promise<void> {
    let dataSource: DataSource;
    try {
      dataSource = this.moduleRef.get(DataSource, { strict: false });
    } catch {
      throw new Error('no TypeORM DataSource is registered in this app');
    }
    if (!dataSource.isInitialized) throw new Error('DataSource is not initialized');
    await dataSource.query('SELECT 1');
  }
}
