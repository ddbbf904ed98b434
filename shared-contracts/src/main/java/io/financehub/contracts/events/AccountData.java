package io.financehub.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Pluggy's Account.
 *
 * @param type        BANK or CREDIT (a string: Pluggy may add types)
 * @param subtype     e.g. CHECKING_ACCOUNT, SAVINGS_ACCOUNT, CREDIT_CARD
 * @param balanceDate when the balance was read, or null if Pluggy did not say
 * @param bankData    only for BANK accounts
 * @param creditData  only for CREDIT accounts
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AccountData(
        String pluggyAccountId,
        String itemId,
        String type,
        String subtype,
        String name,
        String marketingName,
        String number,
        String owner,
        String taxNumber,
        BigDecimal balance,
        String currencyCode,
        Instant balanceDate,
        BankData bankData,
        CreditData creditData) {
}
