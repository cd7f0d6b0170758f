import type { Queryable } from './db.js';

/**
 * The append-only audit log. System actions are written in the same transaction as the change they
 * describe, so the log never claims something that rolled back.
 */
export interface AuditEntry {
  actor: string;
  action: string;
  leadId?: number | null;
  messageId?: number | null;
  detail?: Record<string, unknown>;
}

export async function writeAudit(q: Queryable, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const values: unknown[] = [];
  const rows = entries.map((e, i) => {
    const b = i * 5;
    values.push(e.actor, e.action, e.leadId ?? null, e.messageId ?? null, JSON.stringify(e.detail ?? {}));
    return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}::jsonb)`;
  });
  await q.query(`INSERT INTO audit_log (actor, action, lead_id, message_id, detail) VALUES ${rows.join(', ')}`, values);
}
