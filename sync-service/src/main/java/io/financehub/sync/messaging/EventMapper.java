package io.financehub.sync.messaging;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import io.financehub.contracts.EventEnvelope;
import io.financehub.contracts.EventTypes;
import io.financehub.contracts.events.AccountData;
import io.financehub.contracts.events.AccountsSnapshot;
import io.financehub.contracts.events.BankData;
import io.financehub.contracts.events.CreditCardMetadata;
import io.financehub.contracts.events.CreditData;
import io.financehub.contracts.events.DocumentNumber;
import io.financehub.contracts.events.ItemStatusChanged;
import io.financehub.contracts.events.Merchant;
import io.financehub.contracts.events.PaymentData;
import io.financehub.contracts.events.PaymentParticipant;
import io.financehub.contracts.events.TransactionBatch;
import io.financehub.contracts.events.TransactionData;
import io.financehub.pluggy.model.Account;
import io.financehub.pluggy.model.Item;
import io.financehub.pluggy.model.Transaction;
import io.financehub.pluggy.model.TransactionMerchantData;
import io.financehub.pluggy.model.TransactionPaymentData;
import io.financehub.pluggy.model.TransactionPaymentParticipant;
import io.financehub.pluggy.model.TransactionPaymentParticipantDocument;

/** Pluggy's objects → the suite's events. */
public final class EventMapper {

    /** Pluggy's calendar days are Brazilian: a bill due "2025-07-10" is sent as 2025-07-10T03:00:00Z. */
    private static final ZoneId BRAZIL = ZoneId.of("America/Sao_Paulo");

    private EventMapper() {
    }

    public static EventEnvelope<AccountsSnapshot> accounts(UUID companyId, Item item, List<Account> accounts) {
        String connector = item.connector() == null ? null : item.connector().name();
        List<AccountData> data = accounts.stream().map(EventMapper::account).toList();
        return EventEnvelope.of(EventTypes.ACCOUNTS_SNAPSHOT, companyId,
                new AccountsSnapshot(item.id(), connector, data, Instant.now()));
    }

    public static EventEnvelope<TransactionBatch> upserts(UUID companyId, String itemId, String accountId,
            UUID runId, int sequence, List<TransactionData> upserts) {
        return EventEnvelope.of(EventTypes.TRANSACTIONS_BATCH, companyId,
                new TransactionBatch(itemId, accountId, runId, sequence, upserts, List.of()));
    }

    public static EventEnvelope<TransactionBatch> deletions(UUID companyId, String itemId, String accountId,
            UUID runId, int sequence, List<String> deletedIds) {
        return EventEnvelope.of(EventTypes.TRANSACTIONS_BATCH, companyId,
                new TransactionBatch(itemId, accountId, runId, sequence, List.of(), deletedIds));
    }

    public static EventEnvelope<ItemStatusChanged> status(UUID companyId, ItemStatusChanged status) {
        return EventEnvelope.of(EventTypes.ITEM_STATUS_CHANGED, companyId, status);
    }

    static AccountData account(Account a) {
        return new AccountData(a.id(), a.itemId(), a.type(), a.subtype(), a.name(), a.marketingName(), a.number(),
                a.owner(), a.taxNumber(), money(a.balance()), a.currencyCode(), a.balanceDate(), bankData(a),
                creditData(a));
    }

    private static BankData bankData(Account a) {
        var b = a.bankData();
        return b == null ? null
                : new BankData(b.transferNumber(), money(b.closingBalance()), money(b.automaticallyInvestedBalance()),
                        money(b.overdraftContractedLimit()), money(b.overdraftUsedLimit()),
                        money(b.unarrangedOverdraftAmount()));
    }

    private static CreditData creditData(Account a) {
        var c = a.creditData();
        return c == null ? null
                : new CreditData(c.level(), c.brand(), day(c.balanceCloseDate()), day(c.balanceDueDate()),
                        money(c.availableCreditLimit()), money(c.balanceForeignCurrency()), money(c.minimumPayment()),
                        money(c.creditLimit()), c.isLimitFlexible(), c.status(), c.holderType());
    }

    /**
     * The databind path of a transaction; {@link TransactionBatchEncoder} streams the same mapping and falls back to
     * this for shapes it does not take on.
     */
    public static TransactionData transaction(Transaction t) {
        return new TransactionData(t.id(), t.accountId(), t.date(), t.description(), t.descriptionRaw(), t.type(),
                money(t.amount()), money(t.amountInAccountCurrency()), money(t.balance()), t.currencyCode(),
                t.category(), t.categoryId(), t.status() == null ? "POSTED" : t.status(), t.providerCode(),
                t.providerId(), t.operationType(), payment(t.paymentData()), card(t.creditCardMetadata()),
                merchant(t.merchant()), t.createdAt(), t.updatedAt());
    }

    static CreditCardMetadata card(io.financehub.pluggy.model.CreditCardMetadata card) {
        return card == null ? null
                : new CreditCardMetadata(card.installmentNumber(), card.totalInstallments(),
                        money(card.totalAmount()), day(card.purchaseDate()), card.payeeMCC(), card.cardNumber(),
                        card.billId());
    }

    static PaymentData payment(TransactionPaymentData p) {
        return p == null ? null
                : new PaymentData(participant(p.payer()), participant(p.receiver()), p.paymentMethod(),
                        p.referenceNumber(), p.reason(), p.receiverReferenceId());
    }

    static PaymentParticipant participant(TransactionPaymentParticipant p) {
        return p == null ? null
                : new PaymentParticipant(p.name(), p.branchNumber(), p.accountNumber(), p.routingNumber(),
                        document(p.documentNumber()));
    }

    static DocumentNumber document(TransactionPaymentParticipantDocument doc) {
        return doc == null ? null : new DocumentNumber(doc.type(), doc.value());
    }

    static Merchant merchant(TransactionMerchantData m) {
        return m == null ? null : new Merchant(m.name(), m.businessName(), m.cnpj(), m.category(), m.cnae());
    }

    /** Money at scale 2 at least (JSON 12.3 arrives as scale 1); a finer scale Pluggy sends is kept, never rounded. */
    static BigDecimal money(BigDecimal value) {
        if (value == null || value.scale() >= 2) {
            return value;
        }
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }

    static LocalDate day(Instant instant) {
        return instant == null ? null : instant.atZone(BRAZIL).toLocalDate();
    }
}
