package io.financehub.gateway.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.gateway.Company;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;

@ApplicationScoped
@WithSession
public class CompanyRepository implements PanacheRepositoryBase<Company, UUID> {
}
