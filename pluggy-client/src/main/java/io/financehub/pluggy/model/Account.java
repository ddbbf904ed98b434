package io.financehub.pluggy.model;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Pluggy's Account.
 *
 * @param type    BANK or CREDIT
 * @param subtype CHECKING_ACCOUNT, SAVINGS_ACCOUNT or CREDIT_CARD
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record Account(
        String id,
        String itemId,
        String type,
        String subtype,
        String number,
        BigDecimal balance,
        String name,
        String marketingName,
        String owner,
        String taxNumber,
        String currencyCode,
        Instant balanceDate,
        BankData bankData,
        CreditData creditData) {
}
