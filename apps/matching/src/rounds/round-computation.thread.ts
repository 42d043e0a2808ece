/**
 * Entry of the worker thread that computes one global round (see round-computation.ts). It receives
 * the round's input as workerData and posts progress messages, then the result.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { computeRound, type RoundInput } from '../assignment/compute-round';
import type { RoundThreadMessage } from './round-computation';

const post = (message: RoundThreadMessage) => parentPort!.postMessage(message);
const result = computeRound(workerData as RoundInput, (progress) => post({ kind: 'progress', progress }));
post({ kind: 'result', result });
