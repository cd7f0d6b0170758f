/**
 * The typed union of background jobs. Payloads carry ids only: the handler refetches the row and checks
 * its state, so a job that runs twice, or late, does nothing harmful. Job ids derive from the row id,
 * so adding the same job twice while it waits is a no-op in BullMQ.
 */
export type Job =
  | { name: 'process'; data: { messageId: number } }
  | { name: 'send'; data: { outboxId: number } };

export type JobName = Job['name'];

export const QUEUE_FOR: Record<JobName, string> = {
  process: 'process',
  send: 'send',
};

export function jobId(job: Job): string {
  switch (job.name) {
    case 'process':
      return `process-${job.data.messageId}`;
    case 'send':
      return `send-${job.data.outboxId}`;
  }
}
