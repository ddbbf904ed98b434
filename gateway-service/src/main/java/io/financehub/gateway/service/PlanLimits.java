package io.financehub.gateway.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.contracts.events.Plan;
import io.financehub.gateway.config.GatewayConfig;

/** Monthly transaction limit of each plan, from configuration; null means unlimited. */
@ApplicationScoped
public class PlanLimits {

    private final GatewayConfig.Plans plans;

    PlanLimits(GatewayConfig config) {
        this.plans = config.plans();
    }

    public Long monthlyTransactions(Plan plan) {
        return switch (plan) {
            case FREE -> plans.freeMonthlyTransactions();
            case PRO -> plans.proMonthlyTransactions();
            case ENTERPRISE -> plans.enterpriseMonthlyTransactions().isPresent()
                    ? plans.enterpriseMonthlyTransactions().getAsLong()
                    : null;
        };
    }
}
