package io.financehub.ledger;

import java.math.BigDecimal;
import java.time.Instant;

import io.financehub.contracts.events.DocumentNumber;
import io.financehub.contracts.events.Merchant;
import io.financehub.contracts.events.PaymentData;
import io.financehub.contracts.events.PaymentParticipant;
import io.financehub.contracts.events.TransactionData;

/** A Pluggy transaction for tests, built field by field: {@code Tx.of(id, account).amount("-10.00")...data()}. */
final class Tx {

    private final String id;
    private final String accountId;
    private Instant date = Instant.parse("2025-03-10T03:00:00Z");
    private String description = "COMPRA";
    private String type;
    private BigDecimal amount = new BigDecimal("-10.00");
    private BigDecimal balance;
    private String categoryId;
    private String category;
    private String status = "POSTED";
    private Merchant merchant;
    private PaymentData paymentData;
    private Instant updatedAt = date;

    private Tx(String id, String accountId) {
        this.id = id;
        this.accountId = accountId;
    }

    static Tx of(String id, String accountId) {
        return new Tx(id, accountId);
    }

    Tx date(Instant value) {
        date = value;
        updatedAt = value;
        return this;
    }

    Tx description(String value) {
        description = value;
        return this;
    }

    /** Signed as Pluggy reports it; the type follows the sign unless set (credit cards invert it). */
    Tx amount(String value) {
        amount = new BigDecimal(value);
        return this;
    }

    Tx type(String value) {
        type = value;
        return this;
    }

    Tx balance(String value) {
        balance = value == null ? null : new BigDecimal(value);
        return this;
    }

    Tx category(String pluggyId, String description) {
        categoryId = pluggyId;
        category = description;
        return this;
    }

    Tx status(String value) {
        status = value;
        return this;
    }

    Tx merchant(String name, String cnpj) {
        merchant = new Merchant(name, name + " Ltda", cnpj, null, null);
        return this;
    }

    /** A PIX to (debit) or from (credit) the holder of {@code document}. */
    Tx pix(String document) {
        PaymentParticipant other = new PaymentParticipant("Outra Conta", "0001", "12345", "001",
                new DocumentNumber(document.length() > 11 ? "CNPJ" : "CPF", document));
        PaymentParticipant self = new PaymentParticipant("Empresa", "0001", "99999", "001", null);
        boolean credit = "CREDIT".equals(effectiveType());
        paymentData = new PaymentData(credit ? other : self, credit ? self : other, "PIX", null, null, null);
        return this;
    }

    Tx updatedAt(Instant value) {
        updatedAt = value;
        return this;
    }

    private String effectiveType() {
        return type != null ? type : amount.signum() < 0 ? "DEBIT" : "CREDIT";
    }

    TransactionData data() {
        return new TransactionData(id, accountId, date, description, description, effectiveType(), amount, null,
                balance, "BRL", category, categoryId, status, null, null, null, paymentData, null, merchant, updatedAt,
                updatedAt);
    }
}
