package io.financehub.gateway.service;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.contracts.events.Plan;
import io.financehub.gateway.Company;
import io.financehub.gateway.messaging.CompanyEvents;
import io.financehub.gateway.messaging.OutboxRelay;
import io.financehub.gateway.repository.CompanyRepository;
import io.financehub.support.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** A company's own record and its plan. A plan change is saved together with its banking.companies event. */
@ApplicationScoped
public class CompanyService {

    private final CompanyRepository companies;
    private final CompanyEvents events;
    private final OutboxRelay relay;

    CompanyService(CompanyRepository companies, CompanyEvents events, OutboxRelay relay) {
        this.companies = companies;
        this.events = events;
        this.relay = relay;
    }

    public Uni<Company> get(UUID companyId) {
        return companies.findById(companyId).map(company -> {
            if (company == null) {
                throw ProblemException.notFound("Company");
            }
            return company;
        });
    }

    /** Changes the plan; the same plan again changes nothing and publishes nothing. */
    public Uni<Company> changePlan(UUID companyId, String plan) {
        Plan target = parse(plan);
        return Panache.withTransaction(() -> companies.findById(companyId).chain(company -> {
            if (company == null) {
                throw ProblemException.notFound("Company");
            }
            if (company.plan == target) {
                return Uni.createFrom().item(company);
            }
            company.plan = target;
            company.updatedAt = Instant.now();
            return events.planChanged(company).persist().replaceWith(company);
        })).invoke(relay::kick);
    }

    static Plan parse(String plan) {
        if (plan != null) {
            for (Plan candidate : Plan.values()) {
                if (candidate.name().equals(plan.trim().toUpperCase(Locale.ROOT))) {
                    return candidate;
                }
            }
        }
        throw ProblemException.badRequest("invalid_plan", "plan must be one of free, pro, enterprise");
    }
}
