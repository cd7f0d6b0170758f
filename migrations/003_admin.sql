-- The reviewers' admin page: accounts, sessions, login throttling, scores, decisions, notes and the
-- category corrections the classifier learns from.

CREATE TABLE users (
  id             bigserial PRIMARY KEY,
  email          text NOT NULL UNIQUE CHECK (email = lower(email)),
  role           text NOT NULL CHECK (role IN ('reviewer', 'coordinator', 'admin')),
  -- scrypt$N$r$p$salt$hash (base64): parameters travel with the hash so they can be raised later
  password_hash  text NOT NULL,
  disabled       boolean NOT NULL DEFAULT false,
  created_at     timestamptz NOT NULL DEFAULT now()
);

-- The cookie carries a random token; only its sha256 is stored, so a database dump holds no live session.
CREATE TABLE sessions (
  id          text PRIMARY KEY,
  user_id     bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  address     text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

-- Failed logins, counted per account and per address over a window; shared by every serve process.
CREATE TABLE login_failures (
  id       bigserial PRIMARY KEY,
  email    text NOT NULL,
  address  text NOT NULL,
  at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_email_idx ON login_failures (email, at);
CREATE INDEX login_failures_address_idx ON login_failures (address, at);

ALTER TABLE leads ADD CONSTRAINT leads_claimed_by_fk FOREIGN KEY (claimed_by) REFERENCES users (id) ON DELETE SET NULL;

-- The open review queue, most promising first: the queue page and "Next lead" read only these.
CREATE INDEX leads_open_priority_idx ON leads (priority DESC, id) WHERE status IN ('new', 'in_review');
CREATE INDEX leads_open_category_idx ON leads (category, priority DESC, id) WHERE status IN ('new', 'in_review');
CREATE INDEX leads_duplicate_of_idx ON leads (duplicate_of) WHERE duplicate_of IS NOT NULL;
CREATE INDEX lead_sources_forwarder_idx ON lead_sources (forwarded_by_email);

-- One rubric per reviewer per lead (scoring again replaces it); the lead page shows the average.
CREATE TABLE reviews (
  lead_id      bigint NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
  reviewer_id  bigint NOT NULL REFERENCES users (id),
  capacity     smallint NOT NULL CHECK (capacity BETWEEN 1 AND 5),
  lead_time    smallint NOT NULL CHECK (lead_time BETWEEN 1 AND 5),
  quality      smallint NOT NULL CHECK (quality BETWEEN 1 AND 5),
  credibility  smallint NOT NULL CHECK (credibility BETWEEN 1 AND 5),
  price_fit    smallint NOT NULL CHECK (price_fit BETWEEN 1 AND 5),
  comment      text NOT NULL DEFAULT '',
  scored_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (lead_id, reviewer_id)
);

CREATE TABLE decisions (
  id            bigserial PRIMARY KEY,
  lead_id       bigint NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
  decision      text NOT NULL CHECK (decision IN ('shortlisted', 'forwarded', 'declined', 'redirected', 'duplicate')),
  duplicate_of  bigint REFERENCES leads (id),
  comment       text NOT NULL DEFAULT '',
  decided_by    bigint NOT NULL REFERENCES users (id),
  decided_at    timestamptz NOT NULL DEFAULT now(),
  CHECK ((decision = 'duplicate') = (duplicate_of IS NOT NULL))
);
CREATE INDEX decisions_lead_idx ON decisions (lead_id, decided_at);

CREATE TABLE notes (
  id          bigserial PRIMARY KEY,
  lead_id     bigint NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
  author_id   bigint NOT NULL REFERENCES users (id),
  body        text NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notes_lead_idx ON notes (lead_id, created_at);

-- Training labels: what the classifier said, what the lead was labelled before, what a reviewer set.
CREATE TABLE category_corrections (
  id                  bigserial PRIMARY KEY,
  lead_id             bigint NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
  predicted_category  text NOT NULL,
  from_category       text NOT NULL,
  to_category         text NOT NULL CHECK (to_category IN ('masks', 'gowns', 'tests', 'materials', 'ventilators', 'other')),
  corrected_by        bigint NOT NULL REFERENCES users (id),
  corrected_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX category_corrections_lead_idx ON category_corrections (lead_id);
