import { Injectable } from '@nestjs/common';
import type { ReadinessCheck } from './readiness-check';

/**
 * The checks `/health/ready` runs. A lib registers its own in `onModuleInit`:
 *
 * ```ts
 * constructor(private readonly readiness: ReadinessRegistry) {}
 * onModuleInit() { this.readiness.register({ name: 'kafka', check: () => this.admin.describeCluster().then(() => undefined) }); }
 * ```
 */
@Injectable()
export class ReadinessRegistry {
  private readonly checks = new Map<string, ReadinessCheck>();

  /** Adds a check; a second registration under the same name replaces the first. */
  register(check: ReadinessCheck): void {
    this.checks.set(check.name, check);
  }

  /** Removes a check, e.g. when its client shuts down. */
  unregister(name: string): void {
    this.checks.delete(name);
  }

  /** Registered checks in registration order. */
  list(): ReadinessCheck[] {
    return [...this.checks.values()];
  }
}
