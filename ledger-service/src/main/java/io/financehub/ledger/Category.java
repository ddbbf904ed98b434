package io.financehub.ledger;

import java.time.Instant;
import java.util.UUID;

/**
 * A category: one of Pluggy's ({@code system}, shared by every company and read-only) or a company's own.
 *
 * @param type income, expense or transfer; transfers are left out of income and expenses
 */
public record Category(UUID id, UUID companyId, String pluggyCategoryId, String name, String pluggyDescription,
        String type, UUID parentId, String icon, String color, Instant createdAt, Instant updatedAt) {

    public boolean system() {
        return companyId == null;
    }
}
