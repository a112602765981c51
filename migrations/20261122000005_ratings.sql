-- Ratings: one per account per design (the primary key), changeable and removable. The
-- design's counters and scores are kept on its row, updated in the same transaction as the
-- rating, and indexed, so a feed is an index scan at any size.
CREATE TABLE ratings (
    design_id UUID NOT NULL REFERENCES designs (id),
    account_id UUID NOT NULL REFERENCES accounts (id),
    stars BIGINT NOT NULL CHECK (stars >= 1 AND stars <= 5),
    would_buy BOOLEAN NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (design_id, account_id)
);
CREATE INDEX ratings_account_idx ON ratings (account_id);

ALTER TABLE designs ADD COLUMN stars_1 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE designs ADD COLUMN stars_2 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE designs ADD COLUMN stars_3 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE designs ADD COLUMN stars_4 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE designs ADD COLUMN stars_5 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE designs ADD COLUMN would_buy_count BIGINT NOT NULL DEFAULT 0;
-- Evan Miller's bound with no rating: 3 - 1.65 * sqrt(2/6) (see src/community/ranking.rs).
ALTER TABLE designs ADD COLUMN lower_bound DOUBLE PRECISION NOT NULL DEFAULT 2.047372836;
-- ln(1 + support) + publication seconds / 129600 (36 hours).
ALTER TABLE designs ADD COLUMN hot DOUBLE PRECISION NOT NULL DEFAULT 0;
UPDATE designs SET hot = published_at / 1000.0 / 129600.0 WHERE published_at IS NOT NULL;

CREATE INDEX designs_top_idx ON designs (status, lower_bound, id);
CREATE INDEX designs_hot_idx ON designs (status, hot, id);
CREATE INDEX designs_new_idx ON designs (status, published_at, id);
