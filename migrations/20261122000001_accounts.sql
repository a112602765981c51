-- Accounts, roles, refresh-token sessions and the audit log.
-- Shared by SQLite and PostgreSQL: ids are UUIDv7, times are unix milliseconds (BIGINT).

CREATE TABLE accounts (
    id UUID PRIMARY KEY,
    -- normalised (trimmed, lower-cased) before it gets here
    email TEXT NOT NULL,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    password_changed_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX accounts_email_key ON accounts (email);

-- `customer` is every account's role and is not stored.
CREATE TABLE account_roles (
    account_id UUID NOT NULL REFERENCES accounts (id),
    role TEXT NOT NULL CHECK (role IN ('curator', 'community_manager', 'admin')),
    granted_at BIGINT NOT NULL,
    granted_by UUID REFERENCES accounts (id),
    PRIMARY KEY (account_id, role)
);

-- One row per refresh token. A login starts a family; each refresh marks its token used and
-- adds the next one to the family. A used token presented again revokes the whole family.
CREATE TABLE sessions (
    id UUID PRIMARY KEY,
    family_id UUID NOT NULL,
    account_id UUID NOT NULL REFERENCES accounts (id),
    -- SHA-256 of the token's secret, hex: the token itself is never stored
    token_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT,
    revoked_at BIGINT
);
CREATE INDEX sessions_family_idx ON sessions (family_id);
CREATE INDEX sessions_account_idx ON sessions (account_id);

-- Append-only (enforced by a trigger per dialect): who did what, when, from which request.
CREATE TABLE audit_log (
    id UUID PRIMARY KEY,
    at BIGINT NOT NULL,
    actor_id UUID REFERENCES accounts (id),
    action TEXT NOT NULL,
    target_type TEXT NOT NULL,
    target_id TEXT NOT NULL,
    -- JSON object as text (no JSON operators are used in SQL)
    detail TEXT NOT NULL,
    request_id TEXT
);
CREATE INDEX audit_log_at_idx ON audit_log (at, id);

-- Rows to lock with an UPDATE at the start of a transaction that must not run beside another
-- of its kind (a portable stand-in for SELECT ... FOR UPDATE, which SQLite lacks).
CREATE TABLE named_locks (
    name TEXT PRIMARY KEY,
    taken_at BIGINT NOT NULL
);
INSERT INTO named_locks (name, taken_at) VALUES ('admin_roles', 0);
