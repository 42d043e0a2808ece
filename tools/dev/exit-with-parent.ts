/**
 * Preloaded (`node -r`) into every process startServiceProcess runs: when the process that started it
 * dies without stopping it, it stops itself the way it stops on SIGTERM (graceful shutdown) instead
 * of running on as an orphan that holds its port.
 */
import { whenParentDies } from './parent-watch';

whenParentDies(() => process.kill(process.pid, 'SIGTERM'));
