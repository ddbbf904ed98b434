package io.financehub.ledger.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.ledger.Account;
import io.financehub.ledger.repository.AccountRepository;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AccountService {

    private final AccountRepository accounts;

    AccountService(AccountRepository accounts) {
        this.accounts = accounts;
    }

    public Uni<List<Account>> list(UUID companyId) {
        return accounts.listForCompany(companyId);
    }
}
