-- Only ratings that do not count yet (too young or unverified accounts) need finding again, by
-- the job that makes them count once their accounts qualify. A partial index holds just those,
-- so the ordinary counted rating no longer writes an index page, and the job reads the pending
-- ratings instead of scanning every rating (SQLite could not use `(counted, account_id)` for
-- `NOT counted`).
DROP INDEX ratings_pending_idx;
CREATE INDEX ratings_pending_idx ON ratings (design_id, account_id) WHERE NOT counted;
