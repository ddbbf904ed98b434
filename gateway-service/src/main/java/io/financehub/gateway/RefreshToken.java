package io.financehub.gateway;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * One refresh token of a sign-in. Only the SHA-256 of the token is kept. All tokens descending from one login share a
 * family; a token is valid once (rotated_at set when it is exchanged).
 */
@Entity
@Table(name = "refresh_tokens")
public class RefreshToken extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "family_id")
    public UUID familyId;
    @Column(name = "user_id")
    public UUID userId;
    @Column(name = "token_hash")
    public byte[] tokenHash;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "rotated_at")
    public Instant rotatedAt;
    @Column(name = "revoked_at")
    public Instant revokedAt;

    public boolean isSpent() {
        return rotatedAt != null || revokedAt != null;
    }
}
