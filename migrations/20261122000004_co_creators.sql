-- Co-creators of a design and the split of its royalties they agreed to, in basis points. The
-- design's creator holds the rest (the shares always add up to 10,000). A change of the split
-- asks every co-creator again.
CREATE TABLE design_co_creators (
    design_id UUID NOT NULL REFERENCES designs (id) ON DELETE CASCADE,
    account_id UUID NOT NULL REFERENCES accounts (id),
    share_bps BIGINT NOT NULL CHECK (share_bps >= 1 AND share_bps <= 9999),
    status TEXT NOT NULL CHECK (status IN ('invited', 'accepted', 'declined')),
    invited_at BIGINT NOT NULL,
    responded_at BIGINT,
    PRIMARY KEY (design_id, account_id)
);
CREATE INDEX design_co_creators_account_idx ON design_co_creators (account_id, status);
