-- The community, second part: promotion to the brand, email verification and the outbox,
-- comments and reports, notifications, and each design's funnel counters.

ALTER TABLE accounts ADD COLUMN email_verified_at BIGINT;

-- The brand's settings: one row. Issue 6 adds the royalty and payout settings beside these.
CREATE TABLE brand_settings (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    min_ratings BIGINT NOT NULL CHECK (min_ratings >= 1),
    min_lower_bound DOUBLE PRECISION NOT NULL CHECK (min_lower_bound >= 1 AND min_lower_bound <= 5),
    -- NULL: would-buys are not required
    min_would_buy BIGINT CHECK (min_would_buy >= 1),
    min_account_age_days BIGINT NOT NULL CHECK (min_account_age_days >= 0),
    require_verified_email BOOLEAN NOT NULL,
    updated_at BIGINT NOT NULL,
    updated_by UUID REFERENCES accounts (id)
);
INSERT INTO brand_settings (id, min_ratings, min_lower_bound, min_would_buy, min_account_age_days,
                            require_verified_email, updated_at)
VALUES (1, 10, 3.5, 3, 3, TRUE, 0);

-- A rating from an account that is too young or unverified is recorded with counted = FALSE and
-- left out of the design's counters; it starts counting (once, for good) when the account
-- qualifies. Ratings from before this migration count.
ALTER TABLE ratings ADD COLUMN counted BOOLEAN NOT NULL DEFAULT TRUE;
CREATE INDEX ratings_pending_idx ON ratings (counted, account_id);

-- Set once, in the transaction of the rating that met every threshold.
ALTER TABLE designs ADD COLUMN shortlisted_at BIGINT;
ALTER TABLE designs ADD COLUMN views BIGINT NOT NULL DEFAULT 0;
ALTER TABLE designs ADD COLUMN share_clicks BIGINT NOT NULL DEFAULT 0;
-- Lower-cased name for the feed's name search.
ALTER TABLE designs ADD COLUMN search_name TEXT NOT NULL DEFAULT '';
UPDATE designs SET search_name = LOWER(name);

-- Rating milestones already announced for a design (10, 25, 50, ...): each only once.
CREATE TABLE design_milestones (
    design_id UUID NOT NULL REFERENCES designs (id),
    milestone BIGINT NOT NULL,
    reached_at BIGINT NOT NULL,
    PRIMARY KEY (design_id, milestone)
);

-- Single-use links sent by email; only the SHA-256 of the secret is kept.
CREATE TABLE email_tokens (
    token_hash TEXT PRIMARY KEY,
    account_id UUID NOT NULL REFERENCES accounts (id),
    purpose TEXT NOT NULL CHECK (purpose IN ('verify_email', 'reset_password')),
    email TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);
CREATE INDEX email_tokens_account_idx ON email_tokens (account_id, purpose);

-- Emails to send, written in the transaction that decided to send them.
CREATE TABLE outbox (
    id UUID PRIMARY KEY,
    to_address TEXT NOT NULL,
    subject TEXT NOT NULL,
    body_text TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    last_error TEXT,
    sent_at BIGINT
);
CREATE INDEX outbox_due_idx ON outbox (sent_at, next_attempt_at);

CREATE TABLE comments (
    id UUID PRIMARY KEY,
    design_id UUID NOT NULL REFERENCES designs (id),
    -- one level of replies: a parent is always a top-level comment
    parent_id UUID REFERENCES comments (id),
    author_id UUID NOT NULL REFERENCES accounts (id),
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    edited_at BIGINT,
    deleted_at BIGINT,
    deleted_by UUID REFERENCES accounts (id)
);
CREATE INDEX comments_design_idx ON comments (design_id, parent_id, created_at, id);

CREATE TABLE reports (
    id UUID PRIMARY KEY,
    reporter_id UUID NOT NULL REFERENCES accounts (id),
    target_type TEXT NOT NULL CHECK (target_type IN ('design', 'comment')),
    target_id UUID NOT NULL,
    reason TEXT NOT NULL CHECK (reason IN ('spam', 'offensive', 'copyright', 'other')),
    note TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    resolved_at BIGINT,
    resolved_by UUID REFERENCES accounts (id)
);
-- One open report per reporter and target.
CREATE UNIQUE INDEX reports_reporter_id_target_type_target_id_key ON reports (reporter_id, target_type, target_id) WHERE resolved_at IS NULL;
CREATE INDEX reports_queue_idx ON reports (resolved_at, created_at);

CREATE TABLE notifications (
    id UUID PRIMARY KEY,
    account_id UUID NOT NULL REFERENCES accounts (id),
    kind TEXT NOT NULL CHECK (kind IN ('rating_milestone', 'comment', 'reply', 'remix', 'shortlisted')),
    design_id UUID NOT NULL REFERENCES designs (id),
    actor_id UUID REFERENCES accounts (id),
    count BIGINT,
    created_at BIGINT NOT NULL,
    read_at BIGINT
);
CREATE INDEX notifications_account_idx ON notifications (account_id, created_at, id);
CREATE INDEX notifications_unread_idx ON notifications (account_id, read_at);

-- Which notifications also go out by email; no row: all of them.
CREATE TABLE notification_preferences (
    account_id UUID PRIMARY KEY REFERENCES accounts (id),
    rating_milestone BOOLEAN NOT NULL,
    comment BOOLEAN NOT NULL,
    reply BOOLEAN NOT NULL,
    remix BOOLEAN NOT NULL,
    shortlisted BOOLEAN NOT NULL
);
