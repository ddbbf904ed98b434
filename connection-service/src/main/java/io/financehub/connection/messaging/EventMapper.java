package io.financehub.connection.messaging;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import io.financehub.contracts.events.AccountData;
import io.financehub.contracts.events.AccountsSnapshot;
import io.financehub.contracts.events.BankData;
import io.financehub.contracts.events.CreditData;
import io.financehub.pluggy.model.Account;

/** Pluggy's shapes → the suite's event payloads. */
public final class EventMapper {

    /**
     * Pluggy sends calendar days (card close and due dates) as instants at midnight in Brasília (03:00Z); reading
     * them in that zone gives the day Pluggy meant.
     */
    public static final ZoneId PLUGGY_DAYS = ZoneId.of("America/Sao_Paulo");

    private EventMapper() {
    }

    public static AccountsSnapshot snapshot(String itemId, String connectorName, List<Account> accounts,
            Instant observedAt) {
        return new AccountsSnapshot(itemId, connectorName, accounts.stream().map(EventMapper::account).toList(),
                observedAt);
    }

    public static AccountData account(Account a) {
        BankData bank = a.bankData() == null ? null
                : new BankData(a.bankData().transferNumber(), money(a.bankData().closingBalance()),
                        money(a.bankData().automaticallyInvestedBalance()),
                        money(a.bankData().overdraftContractedLimit()), money(a.bankData().overdraftUsedLimit()),
                        money(a.bankData().unarrangedOverdraftAmount()));
        CreditData credit = a.creditData() == null ? null
                : new CreditData(a.creditData().level(), a.creditData().brand(), day(a.creditData().balanceCloseDate()),
                        day(a.creditData().balanceDueDate()), money(a.creditData().availableCreditLimit()),
                        money(a.creditData().balanceForeignCurrency()), money(a.creditData().minimumPayment()),
                        money(a.creditData().creditLimit()), a.creditData().isLimitFlexible(),
                        a.creditData().status(), a.creditData().holderType());
        return new AccountData(a.id(), a.itemId(), a.type(), a.subtype(), a.name(), a.marketingName(), a.number(),
                a.owner(), a.taxNumber(), money(a.balance()), a.currencyCode(), a.balanceDate(), bank, credit);
    }

    public static BigDecimal money(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_EVEN);
    }

    static LocalDate day(Instant instant) {
        return instant == null ? null : LocalDate.ofInstant(instant, PLUGGY_DAYS);
    }
}
