package io.financehub.sandbox.data;

import java.math.BigDecimal;
import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Pluggy's Account, as GET /accounts answers it. */
@RegisterForReflection
public record AccountView(String id, String type, String subtype, String number, String name, String marketingName,
        BigDecimal balance, String itemId, String taxNumber, String owner, String currencyCode, BankData bankData,
        CreditData creditData) {

    @RegisterForReflection
    public record BankData(String transferNumber, BigDecimal closingBalance, BigDecimal automaticallyInvestedBalance,
            BigDecimal overdraftContractedLimit, BigDecimal overdraftUsedLimit, BigDecimal unarrangedOverdraftAmount,
            Boolean hasReservedBalance, Object reservedBalances) {
    }

    @RegisterForReflection
    public record CreditData(String level, String brand, Instant balanceCloseDate, Instant balanceDueDate,
            BigDecimal availableCreditLimit, BigDecimal balanceForeignCurrency, BigDecimal minimumPayment,
            BigDecimal creditLimit, Boolean isLimitFlexible, String status, String holderType) {
    }
}
