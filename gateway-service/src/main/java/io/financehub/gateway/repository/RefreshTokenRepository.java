package io.financehub.gateway.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.gateway.RefreshToken;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class RefreshTokenRepository implements PanacheRepositoryBase<RefreshToken, UUID> {

    public Uni<RefreshToken> findByHash(byte[] hash) {
        return find("tokenHash", hash).firstResult();
    }

    /**
     * Marks the token rotated if, and only if, nobody did it first: of two concurrent refreshes with the same token
     * exactly one gets {@code true}.
     */
    public Uni<Boolean> rotate(UUID id, Instant at) {
        return update("rotatedAt = ?1 where id = ?2 and rotatedAt is null and revokedAt is null", at, id)
                .map(count -> count == 1);
    }

    public Uni<Integer> revokeFamily(UUID familyId, Instant at) {
        return update("revokedAt = ?1 where familyId = ?2 and revokedAt is null", at, familyId);
    }
}
