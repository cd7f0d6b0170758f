import { Queue, type JobsOptions } from 'bullmq';
import { jobId, QUEUE_FOR, type Job, type JobName } from './jobs.js';

/**
 * The BullMQ queues, typed by the job union in jobs.ts. Jobs carry row ids only and their BullMQ id derives
 * from the row id, so adding a job that is already waiting is a no-op. PostgreSQL, not Redis, is the record:
 * if Redis loses its data the sweeper re-adds every row still pending.
 */
export type DataOf<N extends JobName> = Extract<Job, { name: N }>['data'];
export type TypedQueue<N extends JobName> = Queue<DataOf<N>, unknown, N>;

export interface Queues {
  process: TypedQueue<'process'>;
  send: TypedQueue<'send'>;
  close(): Promise<void>;
}

export const JOB_ATTEMPTS = 5;

export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: JOB_ATTEMPTS,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: true,
  // the failed set is kept (bounded) for operators; the row's status in PostgreSQL is the truth
  removeOnFail: { age: 14 * 24 * 3600, count: 10_000 },
};

export function createQueues(redisUrl: string, prefix: string): Queues {
  const connection = { url: redisUrl, maxRetriesPerRequest: null };
  const process = new Queue<DataOf<'process'>, unknown, 'process'>(QUEUE_FOR.process, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
  const send = new Queue<DataOf<'send'>, unknown, 'send'>(QUEUE_FOR.send, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
  return {
    process,
    send,
    async close() {
      await Promise.all([process.close(), send.close()]);
    },
  };
}

const BULK = 1000;

export async function enqueueProcess(queue: TypedQueue<'process'>, messageIds: number[]): Promise<void> {
  for (let i = 0; i < messageIds.length; i += BULK) {
    await queue.addBulk(
      messageIds.slice(i, i + BULK).map((messageId) => ({ name: 'process' as const, data: { messageId }, opts: { jobId: jobId({ name: 'process', data: { messageId } }) } })),
    );
  }
}

export async function enqueueSend(queue: TypedQueue<'send'>, outboxIds: number[]): Promise<void> {
  for (let i = 0; i < outboxIds.length; i += BULK) {
    await queue.addBulk(
      outboxIds.slice(i, i + BULK).map((outboxId) => ({ name: 'send' as const, data: { outboxId }, opts: { jobId: jobId({ name: 'send', data: { outboxId } }) } })),
    );
  }
}

/**
 * Adds process jobs for rows that must run again (reprocess, sweeper). A finished job with the same id
 * would make the add a no-op, so it is removed first; a waiting, delayed or active one is left alone.
 */
export async function requeueProcess(queue: TypedQueue<'process'>, messageIds: number[]): Promise<number> {
  const toAdd = await withoutLiveJob(queue, messageIds, (messageId) => jobId({ name: 'process', data: { messageId } }));
  await enqueueProcess(queue, toAdd);
  return toAdd.length;
}

/** The same for send jobs of pending outbox rows (sweeper): the row, not the job, decides whether mail goes out. */
export async function requeueSend(queue: TypedQueue<'send'>, outboxIds: number[]): Promise<number> {
  const toAdd = await withoutLiveJob(queue, outboxIds, (outboxId) => jobId({ name: 'send', data: { outboxId } }));
  await enqueueSend(queue, toAdd);
  return toAdd.length;
}

async function withoutLiveJob(queue: Queue, rowIds: number[], idOf: (rowId: number) => string): Promise<number[]> {
  const toAdd: number[] = [];
  await Promise.all(
    rowIds.map(async (rowId) => {
      const id = idOf(rowId);
      const state = await queue.getJobState(id);
      if (state === 'failed' || state === 'completed') await queue.remove(id);
      if (state === 'failed' || state === 'completed' || state === 'unknown') toAdd.push(rowId);
    }),
  );
  return toAdd.sort((a, b) => a - b);
}
