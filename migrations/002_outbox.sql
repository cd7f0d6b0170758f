-- Outgoing mail. One row per (lead, template), written in the transaction of the routing or decision that
-- causes it; the UNIQUE constraint, not the job id, is what keeps a reply from being sent twice.
-- States: pending -> sending -> sent | failed (permanent 5xx) | uncertain (found 'sending' after its lease
-- expired: the worker died after handing the message to SMTP, a person checks) ; withheld rows never send.

CREATE TABLE outbox (
  id                bigserial PRIMARY KEY,
  lead_id           bigint NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
  template          text NOT NULL CHECK (template IN ('acknowledgement', 'referral', 'shortlisted', 'declined', 'ministry-forward')),
  language          text NOT NULL CHECK (language IN ('nl', 'en')),
  state             text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'withheld', 'uncertain')),
  -- null only when withheld because there was no usable address
  to_email          text,
  to_name           text,
  cc_email          text,
  cc_name           text,
  subject           text NOT NULL,
  text_body         text NOT NULL,
  html_body         text NOT NULL,
  -- our own Message-ID, fixed here so a resend after a crash would carry the same id
  message_id        text NOT NULL UNIQUE,
  in_reply_to       text,
  refs              text[] NOT NULL DEFAULT '{}',
  -- the stored raw message attached as message/rfc822 (ministry forwards)
  attach_message_id bigint REFERENCES messages (id),
  withheld_reason   text,
  attempts          integer NOT NULL DEFAULT 0,
  lease_expires_at  timestamptz,
  smtp_response     text,
  error             text,
  created_at        timestamptz NOT NULL DEFAULT now(),
  sending_at        timestamptz,
  sent_at           timestamptz,
  updated_at        timestamptz NOT NULL DEFAULT now(),
  UNIQUE (lead_id, template),
  CHECK ((state = 'withheld') = (withheld_reason IS NOT NULL)),
  CHECK (state = 'withheld' OR to_email IS NOT NULL)
);
-- rows a person should look at, and rows waiting to go
CREATE INDEX outbox_state_idx ON outbox (state, id) WHERE state <> 'sent';
-- the per-recipient daily limit counts recent sends to one address
CREATE INDEX outbox_recipient_idx ON outbox (to_email, sending_at) WHERE sending_at IS NOT NULL;
