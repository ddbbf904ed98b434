package io.financehub.connection.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.financehub.connection.Item;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class ItemRepository implements PanacheRepositoryBase<Item, UUID> {

    public Uni<List<Item>> listForCompany(UUID companyId) {
        return list("from Item i left join fetch i.connector where i.companyId = ?1 and i.deletedAt is null"
                + " order by i.createdAt, i.id", companyId);
    }

    /**
     * The company's live item by our id or by Pluggy's: the SPA knows ours from our answers and Pluggy's from the
     * ledger's data. Another company's item is simply not found.
     */
    public Uni<Item> findForCompany(UUID companyId, String idOrPluggyId) {
        Optional<UUID> ownId = uuid(idOrPluggyId);
        if (ownId.isPresent()) {
            return find("from Item i left join fetch i.connector where i.companyId = ?1 and i.deletedAt is null"
                    + " and (i.id = ?2 or i.pluggyItemId = ?3)", companyId, ownId.get(), idOrPluggyId).firstResult();
        }
        return find("from Item i left join fetch i.connector where i.companyId = ?1 and i.deletedAt is null"
                + " and i.pluggyItemId = ?2", companyId, idOrPluggyId).firstResult();
    }

    /** By Pluggy's id, deleted or not. */
    public Uni<Item> findByPluggyId(String pluggyItemId) {
        return find("from Item i left join fetch i.connector where i.pluggyItemId = ?1", pluggyItemId).firstResult();
    }

    /**
     * By Pluggy's id, deleted or not, locked until the transaction ends: the callback, webhooks and status events
     * may touch one item at once, and each must see the others' committed state, not overwrite it.
     */
    public Uni<Item> lockByPluggyId(String pluggyItemId) {
        return find("pluggyItemId", pluggyItemId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /**
     * Creates the row unless one exists for this Pluggy item: the callback and the item/created webhook may race, and
     * the unique index makes the loser wait for the winner's commit and then do nothing. True if this call created it.
     */
    public Uni<Boolean> insertIfAbsent(UUID id, UUID companyId, String pluggyItemId, int connectorId, String status,
            Instant stateAt) {
        return getSession().chain(session -> session.createNativeQuery(
                "INSERT INTO items (id, company_id, pluggy_item_id, connector_id, status, state_at, updated_at)"
                        + " VALUES (:id, :company, :pluggy, :connector, :status, :stateAt, now())"
                        + " ON CONFLICT (pluggy_item_id) DO NOTHING")
                .setParameter("id", id)
                .setParameter("company", companyId)
                .setParameter("pluggy", pluggyItemId)
                .setParameter("connector", connectorId)
                .setParameter("status", status)
                .setParameter("stateAt", stateAt)
                .executeUpdate())
                .map(rows -> rows == 1);
    }

    /** Items the daily catch-up reads: live and not waiting on the user (who must reconnect or answer MFA). */
    public Uni<List<Item>> listForCatchUp() {
        return list("deletedAt is null and status not in ('LOGIN_ERROR', 'WAITING_USER_INPUT', 'WAITING_USER_ACTION')"
                + " order by id");
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException notUuid) {
            return Optional.empty();
        }
    }
}
