package io.financehub.sandbox.data;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/** An account of an item: its fixed attributes and its {@link Ledger}. */
public record SandboxAccount(AccountSpec spec, Ledger ledger, String number, String name, String marketingName,
        String owner, String taxNumber, long creditLimitCents, String brand, String level, String transferNumber) {

    private static final long DAY = 86_400_000L;

    public String id() {
        return spec.accountId();
    }

    public String itemId() {
        return spec.itemId();
    }

    public AccountKind kind() {
        return spec.kind();
    }

    public AccountView view() {
        BigDecimal balance = ledger.balance();
        AccountView.BankData bankData = null;
        AccountView.CreditData creditData = null;
        if (spec.kind().isCredit()) {
            long close = spec.toMillis() + 5 * DAY;
            BigDecimal limit = BigDecimal.valueOf(creditLimitCents, 2);
            creditData = new AccountView.CreditData(level, brand, Instant.ofEpochMilli(close),
                    Instant.ofEpochMilli(close + 7 * DAY), limit.subtract(balance.max(BigDecimal.ZERO)),
                    BigDecimal.ZERO.setScale(2), balance.max(BigDecimal.ZERO).multiply(BigDecimal.valueOf(15))
                            .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP),
                    limit, false, "ACTIVE", "MAIN");
        } else {
            bankData = new AccountView.BankData(transferNumber, balance, BigDecimal.ZERO.setScale(2),
                    BigDecimal.valueOf(200_000, 2), balance.signum() < 0 ? balance.negate() : BigDecimal.ZERO.setScale(2),
                    BigDecimal.ZERO.setScale(2), false, null);
        }
        return new AccountView(id(), spec.kind().type(), spec.kind().subtype(), number, name, marketingName, balance,
                itemId(), taxNumber, owner, "BRL", bankData, creditData);
    }
}
