package io.financehub.ledger.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.ledger.Account;
import io.financehub.ledger.repository.AccountRepository;
import io.financehub.support.ProblemException;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AccountService {

    private final AccountRepository accounts;

    AccountService(AccountRepository accounts) {
        this.accounts = accounts;
    }

    public Uni<List<Account>> list(UUID companyId, String type, Boolean active) {
        return accounts.listForCompany(companyId, type, active);
    }

    /** The company's account; another company's id answers exactly like an unknown one. */
    public Uni<Account> get(UUID companyId, UUID id) {
        return accounts.findForCompany(id, companyId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Account"));
    }
}
