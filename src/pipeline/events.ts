import type pg from 'pg';
import type { Analysis, Route } from '../core/types.js';

/**
 * Seams between stages owned by different modules. A hook runs inside the transaction that records the
 * routing or decision, so its rows (outbox replies) commit or roll back together with it. It returns the
 * ids of outbox rows it created, which the caller nudges onto the send queue after the commit.
 */
export interface LeadRouted {
  messageId: number;
  /** null for route ignore: ignored mail makes no lead */
  leadId: number | null;
  route: Route;
  analysis: Analysis;
  /** false when the message joined an existing lead (second forward, reply in a thread) */
  newLead: boolean;
}

export const DECISIONS = ['shortlisted', 'forwarded', 'declined', 'redirected', 'duplicate'] as const;
export type Decision = (typeof DECISIONS)[number];

export interface LeadDecided {
  leadId: number;
  decision: Decision;
  /** the reviewer's email */
  actor: string;
}

/**
 * Called once per batch with every message the batch recorded, in message order, after all of the batch's
 * rows are written; returns the new outbox ids of each event, aligned with `events`.
 */
export type OnRouted = (tx: pg.PoolClient, events: LeadRouted[]) => Promise<number[][]>;
export type OnDecided = (tx: pg.PoolClient, event: LeadDecided) => Promise<number[]>;
