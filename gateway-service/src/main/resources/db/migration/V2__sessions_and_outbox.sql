-- Refresh tokens: opaque to the client, stored only as a SHA-256 digest. Every refresh rotates the token inside
-- its family; presenting a token that was already rotated (or revoked) revokes the whole family.
CREATE TABLE refresh_tokens (
    id          uuid PRIMARY KEY,
    family_id   uuid        NOT NULL,
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash  bytea       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    rotated_at  timestamptz,
    revoked_at  timestamptz
);
CREATE UNIQUE INDEX refresh_tokens_hash_key ON refresh_tokens (token_hash);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id);

ALTER TABLE companies ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

-- Events written in the same transaction as the change they describe. A relay publishes them to Kafka and deletes
-- them once the broker acknowledged, so a company is never missing downstream even if Kafka is down at commit time;
-- every row here is still to be published.
CREATE TABLE outbox (
    id          uuid PRIMARY KEY,
    topic       text        NOT NULL,
    record_key  text        NOT NULL,
    type        text        NOT NULL,
    payload     text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX outbox_created_idx ON outbox (created_at);
