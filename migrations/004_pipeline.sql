-- Dedupe looks up earlier leads with the same offer text fingerprint (the same offer sent from two
-- addresses of one company, or forwarded with the sender read differently).
CREATE INDEX leads_fingerprint_idx ON leads (fingerprint) WHERE fingerprint IS NOT NULL;
