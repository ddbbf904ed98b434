package io.financehub.sandbox.data;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.financehub.sandbox.config.SandboxConfig;
import io.financehub.sandbox.data.Det.Draw;
import jakarta.enterprise.context.ApplicationScoped;

/** Creates accounts whose every attribute derives from the sandbox seed and the account's position. */
@ApplicationScoped
public class AccountFactory {

    private static final long DAY = 86_400_000L;

    private final SandboxConfig config;
    private final CategoryCatalog categories;
    private final LocalDate anchor;

    public AccountFactory(SandboxConfig config, CategoryCatalog categories) {
        this.config = config;
        this.categories = categories;
        this.anchor = config.anchorDate().orElse(LocalDate.now(ZoneOffset.UTC));
    }

    /** The last day of generated histories, at 03:00 UTC (midnight in Brasília). */
    public long defaultToMillis() {
        return anchor.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() + 3 * 3_600_000L;
    }

    public long defaultFromMillis() {
        return defaultToMillis() - (long) config.defaultHistoryDays() * DAY;
    }

    /** Who holds the accounts of the {@code itemOrdinal}-th item: name and formatted tax number. */
    public String[] holder(long seed, int itemOrdinal, boolean business) {
        Draw d = new Draw(Det.hash(seed, "holder".hashCode(), itemOrdinal));
        if (business) {
            String name = d.pick(BrazilianData.SUPPLIERS);
            String cnpj = BrazilianData.cnpj(d.next());
            return new String[] { name, cnpj.substring(0, 2) + "." + cnpj.substring(2, 5) + "." + cnpj.substring(5, 8)
                    + "/" + cnpj.substring(8, 12) + "-" + cnpj.substring(12) };
        }
        String name = d.pick(BrazilianData.FIRST_NAMES) + " " + d.pick(BrazilianData.LAST_NAMES) + " "
                + d.pick(BrazilianData.LAST_NAMES);
        String cpf = BrazilianData.cpf(d.next());
        return new String[] { name, cpf.substring(0, 3) + "." + cpf.substring(3, 6) + "." + cpf.substring(6, 9) + "-"
                + cpf.substring(9) };
    }

    public long seed() {
        return config.seed();
    }

    public SandboxAccount create(long seed, String itemId, int itemOrdinal, int index, AccountKind kind, long count,
            long fromMillis, long toMillis, boolean openFinance, Instant baseCreatedAt) {
        String accountId = Det.uuid(seed, "account", itemOrdinal * 64L + index).toString();
        long accountSeed = Det.hash(seed, accountId);
        Draw d = new Draw(accountSeed);
        int key = (int) Det.hash(accountSeed, 1);
        String last4 = String.format("%04d", d.below(10_000));
        long opening = kind.isCredit() ? d.cents(80_000, 400_000) : d.cents(100_000, 5_000_000);
        AccountSpec spec = new AccountSpec(accountId, key, itemId, kind, count, fromMillis, toMillis, opening,
                accountSeed, openFinance, last4);
        String[] holder = holder(seed, itemOrdinal, kind == AccountKind.BUSINESS_CHECKING);
        String number = kind.isCredit() ? last4 : String.format("%05d-%d", d.below(100_000), d.below(10));
        String marketing = switch (kind) {
            case CHECKING -> "Conta Pluggy Essencial";
            case SAVINGS -> "Poupança Pluggy";
            case BUSINESS_CHECKING -> "Conta PJ Pluggy Negócios";
            case CREDIT_CARD -> d.pick(new String[] { "Pluggy Gold Mastercard", "Pluggy Platinum Visa" });
        };
        String brand = marketing.contains("Visa") ? "VISA" : "MASTERCARD";
        String level = marketing.contains("Gold") ? "GOLD" : "PLATINUM";
        long limit = 500_000 + d.below(30) * 100_000L;
        return new SandboxAccount(spec, new Ledger(spec, baseCreatedAt, categories), number, kind.displayName(),
                marketing, holder[0], holder[1], limit, kind.isCredit() ? brand : null, kind.isCredit() ? level : null,
                kind.isCredit() ? null : "0001/" + number);
    }
}
