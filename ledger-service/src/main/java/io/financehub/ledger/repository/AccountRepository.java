package io.financehub.ledger.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.ledger.Account;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/** Reads accounts for the API. Accounts of items removed in DELETE mode are gone for the company. */
@ApplicationScoped
@WithSession
public class AccountRepository implements PanacheRepositoryBase<Account, UUID> {

    private static final String VISIBLE = "companyId = :company and (removalMode is null or removalMode <> 'DELETE')";

    public Uni<List<Account>> listForCompany(UUID companyId, String type, Boolean active) {
        StringBuilder query = new StringBuilder(VISIBLE);
        Parameters parameters = Parameters.with("company", companyId);
        if (type != null) {
            query.append(" and type = :type");
            parameters.and("type", type);
        }
        if (active != null) {
            query.append(" and active = :active");
            parameters.and("active", active);
        }
        return list(query.append(" order by name, id").toString(), parameters);
    }

    public Uni<Account> findForCompany(UUID id, UUID companyId) {
        return find("id = :id and " + VISIBLE, Parameters.with("id", id).and("company", companyId)).firstResult();
    }
}
