-- Raw messages, where they came from, leads and their sources, mailbox checkpoints, audit log.
-- PostgreSQL constraints, not job ids, are what make each step happen once (BullMQ is at-least-once).

CREATE TABLE messages (
  id            bigserial PRIMARY KEY,
  -- one row per distinct raw message: the same bytes read twice (re-fetch, re-import) are one message
  sha256        text NOT NULL UNIQUE,
  size          integer NOT NULL,
  raw           bytea NOT NULL,
  message_id    text,
  source        text NOT NULL CHECK (source IN ('imap', 'import')),
  received_at   timestamptz NOT NULL DEFAULT now(),
  -- pending: stored, not yet processed; processed: analysed and routed; quarantined: failed after retries
  status        text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'processed', 'quarantined')),
  route         text CHECK (route IN ('ignore', 'redirect', 'review')),
  analysis      jsonb,
  lead_id       bigint,
  attempts      integer NOT NULL DEFAULT 0,
  error_code    text,
  error         text,
  processed_at  timestamptz,
  CHECK ((status = 'processed') = (route IS NOT NULL))
);
CREATE INDEX messages_status_idx ON messages (status) WHERE status <> 'processed';
CREATE INDEX messages_message_id_idx ON messages (message_id);
CREATE INDEX messages_lead_idx ON messages (lead_id);

-- Where a raw message was seen: (mailbox, UIDVALIDITY, UID) for IMAP, the file path for imports.
CREATE TABLE message_locations (
  id           bigserial PRIMARY KEY,
  message_id   bigint NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
  mailbox      text NOT NULL,
  uidvalidity  bigint NOT NULL,
  uid          bigint NOT NULL,
  seen_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (mailbox, uidvalidity, uid)
);
CREATE INDEX message_locations_message_idx ON message_locations (message_id);

CREATE TABLE message_attachments (
  message_id    bigint NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
  position      integer NOT NULL,
  filename      text,
  content_type  text NOT NULL,
  size          integer NOT NULL,
  sha256        text NOT NULL,
  PRIMARY KEY (message_id, position)
);

CREATE TABLE leads (
  id                   bigserial PRIMARY KEY,
  reference            text NOT NULL UNIQUE,
  status               text NOT NULL CHECK (status IN ('new', 'in_review', 'shortlisted', 'forwarded', 'declined', 'redirected', 'duplicate')),
  route                text NOT NULL CHECK (route IN ('redirect', 'review')),
  category             text NOT NULL CHECK (category IN ('masks', 'gowns', 'tests', 'materials', 'ventilators', 'other')),
  -- the classifier's own choice, kept when a reviewer corrects `category` (the correction is a training label)
  predicted_category   text NOT NULL,
  categories           jsonb NOT NULL DEFAULT '[]',
  reasons              jsonb NOT NULL DEFAULT '[]',
  language             text NOT NULL CHECK (language IN ('nl', 'en')),
  subject              text,
  sender_email         text,
  sender_name          text,
  organisation         text,
  kvk                  text,
  phone                text,
  website              text,
  quantities           jsonb NOT NULL DEFAULT '[]',
  lead_time            jsonb,
  certifications       text[] NOT NULL DEFAULT '{}',
  original_message_id  text,
  fingerprint          text,
  offer_text           text NOT NULL DEFAULT '',
  -- a documented heuristic (src/triage priority) so the most promising lead is reviewed first
  priority             real NOT NULL DEFAULT 0,
  duplicate_of         bigint REFERENCES leads (id),
  claimed_by           bigint,
  claim_expires_at     timestamptz,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX leads_queue_idx ON leads (status, priority DESC, id);
CREATE INDEX leads_category_idx ON leads (category, status);
CREATE INDEX leads_sender_idx ON leads (sender_email);
CREATE UNIQUE INDEX leads_original_message_id_idx ON leads (original_message_id) WHERE original_message_id IS NOT NULL;

ALTER TABLE messages ADD CONSTRAINT messages_lead_fk FOREIGN KEY (lead_id) REFERENCES leads (id);

-- Each message that contributed to a lead: the same offer forwarded by two associations is one lead, two sources.
CREATE TABLE lead_sources (
  lead_id             bigint NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
  message_id          bigint NOT NULL UNIQUE REFERENCES messages (id) ON DELETE CASCADE,
  kind                text NOT NULL CHECK (kind IN ('original', 'forward', 'reply', 'duplicate')),
  forwarded_by_email  text,
  forwarded_by_name   text,
  added_at            timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (lead_id, message_id)
);

CREATE TABLE mailbox_checkpoints (
  mailbox      text PRIMARY KEY,
  uidvalidity  bigint NOT NULL,
  last_uid     bigint NOT NULL DEFAULT 0,
  updated_at   timestamptz NOT NULL DEFAULT now()
);

-- Every reviewer, coordinator and system action worth reporting on. Append-only.
CREATE TABLE audit_log (
  id          bigserial PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT now(),
  actor       text NOT NULL,           -- 'system' or a user's email
  action      text NOT NULL,           -- e.g. message.stored, lead.created, lead.decided
  lead_id     bigint,
  message_id  bigint,
  detail      jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_lead_idx ON audit_log (lead_id, at);
CREATE INDEX audit_log_at_idx ON audit_log (at);
