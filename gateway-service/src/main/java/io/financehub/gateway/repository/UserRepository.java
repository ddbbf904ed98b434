package io.financehub.gateway.repository;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.gateway.User;
import io.financehub.support.Roles;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class UserRepository implements PanacheRepositoryBase<User, UUID> {

    public Uni<User> findByEmail(String email) {
        return find("email", email.toLowerCase(Locale.ROOT)).firstResult();
    }

    /** A user of this company, or null: another company's user is as absent as an unknown one. */
    public Uni<User> findInCompany(UUID id, UUID companyId) {
        return find("id = ?1 and companyId = ?2", id, companyId).firstResult();
    }

    public Uni<List<User>> listForCompany(UUID companyId) {
        return list("companyId = ?1 order by createdAt, email", companyId);
    }

    public Uni<Long> countAdmins(UUID companyId) {
        return count("companyId = ?1 and role = ?2", companyId, Roles.ADMIN);
    }
}
