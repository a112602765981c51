-- The brand's console: the review of shortlisted designs, listings with their royalty terms and
-- the creators' acceptance, the menu, moderation, and the brand's remaining settings.

-- The brand's settings beside the promotion thresholds.
ALTER TABLE brand_settings ADD COLUMN review_days BIGINT NOT NULL DEFAULT 14 CHECK (review_days >= 1);
ALTER TABLE brand_settings ADD COLUMN holding_days BIGINT NOT NULL DEFAULT 14 CHECK (holding_days >= 0);
ALTER TABLE brand_settings ADD COLUMN min_payout BIGINT NOT NULL DEFAULT 2000 CHECK (min_payout >= 0);
ALTER TABLE brand_settings ADD COLUMN payout_schedule TEXT NOT NULL DEFAULT 'monthly'
    CHECK (payout_schedule IN ('weekly', 'monthly'));
ALTER TABLE brand_settings ADD COLUMN currency TEXT NOT NULL DEFAULT 'EUR';
-- basis points: 1000 is 10 %
ALTER TABLE brand_settings ADD COLUMN vat_bps BIGINT NOT NULL DEFAULT 1000 CHECK (vat_bps >= 0 AND vat_bps <= 10000);

-- The brand's decision, kept on the design row so feeds can badge it without a join.
ALTER TABLE designs ADD COLUMN decision TEXT CHECK (decision IN ('approved', 'changes_requested', 'rejected'));
-- A new version answers a request for changes: it goes straight back to review.
ALTER TABLE designs ADD COLUMN revision_of UUID REFERENCES designs (id);
CREATE UNIQUE INDEX designs_revision_of_key ON designs (revision_of);
-- Moderation: a hidden design leaves the feeds and cannot be rated; its creators see why.
ALTER TABLE designs ADD COLUMN hidden_at BIGINT;
ALTER TABLE designs ADD COLUMN hidden_reason TEXT;
ALTER TABLE comments ADD COLUMN hidden_at BIGINT;
ALTER TABLE comments ADD COLUMN hidden_reason TEXT;
-- A suspended or banned account cannot sign in, and its ratings stop counting.
ALTER TABLE accounts ADD COLUMN suspended_until BIGINT;
ALTER TABLE accounts ADD COLUMN banned_at BIGINT;
ALTER TABLE accounts ADD COLUMN moderation_reason TEXT;

-- The brand's analytics count ratings per day.
CREATE INDEX ratings_created_idx ON ratings (created_at);

-- One row per design that reached the brand: its deadline, who holds it, what was decided.
CREATE TABLE reviews (
    design_id UUID PRIMARY KEY REFERENCES designs (id),
    entered_at BIGINT NOT NULL,
    due_at BIGINT NOT NULL,
    claimed_by UUID REFERENCES accounts (id),
    claim_expires_at BIGINT,
    decision TEXT CHECK (decision IN ('approved', 'changes_requested', 'rejected')),
    reason TEXT,
    decided_by UUID REFERENCES accounts (id),
    decided_at BIGINT
);
CREATE INDEX reviews_queue_idx ON reviews (decided_at, entered_at);
INSERT INTO reviews (design_id, entered_at, due_at)
SELECT id, shortlisted_at, shortlisted_at + 14 * 86400000 FROM designs WHERE shortlisted_at IS NOT NULL;

-- An approved design's place on the menu. 'offered' until every creator accepted the terms;
-- then 'active' (on the menu from starts_at), 'paused' or 'retired'; 'declined' if a creator
-- said no.
CREATE TABLE listings (
    id UUID PRIMARY KEY,
    design_id UUID NOT NULL REFERENCES designs (id),
    template_id UUID NOT NULL REFERENCES templates (id),
    status TEXT NOT NULL CHECK (status IN ('offered', 'declined', 'active', 'paused', 'retired')),
    starts_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    created_by UUID NOT NULL REFERENCES accounts (id),
    accepted_at BIGINT,
    declined_by UUID REFERENCES accounts (id),
    status_reason TEXT,
    updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX listings_design_id_key ON listings (design_id);
CREATE INDEX listings_menu_idx ON listings (status, template_id, starts_at);

-- The price and royalty terms of a listing, each applying from `effective_from` on. Rows are
-- never changed: an order takes the terms in force when it is placed.
CREATE TABLE listing_terms (
    id UUID PRIMARY KEY,
    listing_id UUID NOT NULL REFERENCES listings (id),
    effective_from BIGINT NOT NULL,
    currency TEXT NOT NULL,
    price BIGINT NOT NULL CHECK (price > 0),
    -- a share of net line revenue, in basis points
    royalty_bps BIGINT NOT NULL CHECK (royalty_bps >= 0 AND royalty_bps <= 10000),
    -- a fixed amount per unit sold, minor units
    royalty_fixed BIGINT NOT NULL CHECK (royalty_fixed >= 0),
    created_at BIGINT NOT NULL,
    created_by UUID NOT NULL REFERENCES accounts (id),
    CHECK (royalty_bps > 0 OR royalty_fixed > 0)
);
CREATE UNIQUE INDEX listing_terms_listing_id_effective_from_key ON listing_terms (listing_id, effective_from);

-- Each creator's acceptance of the offer: the exact terms and their share, and when.
CREATE TABLE listing_acceptances (
    listing_id UUID NOT NULL REFERENCES listings (id),
    account_id UUID NOT NULL REFERENCES accounts (id),
    terms_id UUID NOT NULL REFERENCES listing_terms (id),
    share_bps BIGINT NOT NULL CHECK (share_bps >= 1 AND share_bps <= 10000),
    accepted_at BIGINT NOT NULL,
    PRIMARY KEY (listing_id, account_id)
);

-- Notifications gain the brand's decisions and moderation. The kind's CHECK is widened by
-- rebuilding the table (SQLite cannot alter a constraint).
CREATE TABLE notifications_new (
    id UUID PRIMARY KEY,
    account_id UUID NOT NULL REFERENCES accounts (id),
    kind TEXT NOT NULL CHECK (kind IN ('rating_milestone', 'comment', 'reply', 'remix', 'shortlisted',
                                       'approved', 'changes_requested', 'rejected', 'listed', 'terms_changed',
                                       'hidden')),
    design_id UUID NOT NULL REFERENCES designs (id),
    actor_id UUID REFERENCES accounts (id),
    count BIGINT,
    created_at BIGINT NOT NULL,
    read_at BIGINT
);
INSERT INTO notifications_new (id, account_id, kind, design_id, actor_id, count, created_at, read_at)
SELECT id, account_id, kind, design_id, actor_id, count, created_at, read_at FROM notifications;
DROP TABLE notifications;
ALTER TABLE notifications_new RENAME TO notifications;
CREATE INDEX notifications_account_idx ON notifications (account_id, created_at, id);
CREATE INDEX notifications_unread_idx ON notifications (account_id, read_at);

ALTER TABLE notification_preferences ADD COLUMN approved BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE notification_preferences ADD COLUMN changes_requested BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE notification_preferences ADD COLUMN rejected BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE notification_preferences ADD COLUMN listed BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE notification_preferences ADD COLUMN terms_changed BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE notification_preferences ADD COLUMN hidden BOOLEAN NOT NULL DEFAULT TRUE;
