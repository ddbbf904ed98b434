package io.financehub.contracts;

import io.financehub.contracts.events.AccountData;
import io.financehub.contracts.events.AccountsSnapshot;
import io.financehub.contracts.events.BankData;
import io.financehub.contracts.events.CompanyChange;
import io.financehub.contracts.events.CompanyChanged;
import io.financehub.contracts.events.CreditCardMetadata;
import io.financehub.contracts.events.CreditData;
import io.financehub.contracts.events.DocumentNumber;
import io.financehub.contracts.events.ItemRemoved;
import io.financehub.contracts.events.ItemStatusChanged;
import io.financehub.contracts.events.Merchant;
import io.financehub.contracts.events.PaymentData;
import io.financehub.contracts.events.PaymentParticipant;
import io.financehub.contracts.events.Plan;
import io.financehub.contracts.events.PluggyWebhookReceived;
import io.financehub.contracts.events.RemovalMode;
import io.financehub.contracts.events.SyncRequested;
import io.financehub.contracts.events.SyncTrigger;
import io.financehub.contracts.events.TransactionBatch;
import io.financehub.contracts.events.TransactionData;
import io.financehub.contracts.events.WebhookError;
import io.financehub.contracts.problem.FieldError;
import io.financehub.contracts.problem.Problem;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** One sample of every record with every field set (lists non-empty), so a round trip exercises every field. */
final class Samples {

    static final UUID COMPANY_ID = UUID.fromString("3f1c1c8e-6a53-4d0a-9a7e-2b1f0c6d9e11");
    static final UUID SYNC_RUN_ID = UUID.fromString("9b2f4e1a-0c7d-4b8e-8f3a-5d6c7e8f9a0b");
    static final String ITEM_ID = "e5a3c1f0-1b2c-4d3e-8f90-a1b2c3d4e5f6";
    static final String ACCOUNT_ID = "03cc0eff-4ec1-4e2a-9d0b-1c2d3e4f5a6b";
    static final Instant AT = Instant.parse("2024-05-01T12:34:56.789Z");

    static final WebhookError WEBHOOK_ERROR = new WebhookError("INVALID_CREDENTIALS", "Invalid credentials");
    static final PluggyWebhookReceived WEBHOOK = new PluggyWebhookReceived(
            "evt-1", "transactions/deleted", ITEM_ID, "USER", COMPANY_ID.toString(), ACCOUNT_ID,
            List.of("tx-1", "tx-2"), AT, "https://api.pluggy.ai/transactions?ids=tx-1", WEBHOOK_ERROR, AT,
            "{\"event\":\"transactions/deleted\",\"eventId\":\"evt-1\"}");

    static final SyncRequested SYNC_REQUESTED = new SyncRequested(
            ITEM_ID, ACCOUNT_ID, SyncTrigger.WEBHOOK, true, LocalDate.of(2024, 4, 1), LocalDate.of(2024, 5, 1),
            List.of("tx-9"), AT, UUID.fromString("5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f"));

    static final ItemStatusChanged ITEM_STATUS = new ItemStatusChanged(
            ITEM_ID, "WAITING_USER_INPUT", "WAITING_USER_INPUT", "USER_INPUT_TIMEOUT", "Token expired",
            true, true, true, SYNC_RUN_ID, AT);

    static final BankData BANK_DATA = new BankData("0001/12345-0", new BigDecimal("1500.00"), new BigDecimal("200.50"),
            new BigDecimal("1000.00"), new BigDecimal("120.30"), new BigDecimal("0.00"));
    static final CreditData CREDIT_DATA = new CreditData("GOLD", "VISA", LocalDate.of(2024, 5, 10),
            LocalDate.of(2024, 5, 20), new BigDecimal("4200.00"), new BigDecimal("12.30"), new BigDecimal("150.00"),
            new BigDecimal("5000.00"), Boolean.TRUE, "ACTIVE", "MAIN");
    static final AccountData ACCOUNT = new AccountData(ACCOUNT_ID, ITEM_ID, "BANK", "CHECKING_ACCOUNT",
            "Conta Corrente", "Conta Itaú Personnalité", "12345-0", "Empresa Ltda", "12.345.678/0001-90",
            new BigDecimal("1234.50"), "BRL", AT, BANK_DATA, CREDIT_DATA);
    static final AccountsSnapshot ACCOUNTS = new AccountsSnapshot(ITEM_ID, "Pluggy Bank", List.of(ACCOUNT), AT);

    static final ItemRemoved ITEM_REMOVED = new ItemRemoved(ITEM_ID, List.of(ACCOUNT_ID), RemovalMode.ARCHIVE, AT);

    static final DocumentNumber DOCUMENT = new DocumentNumber("CNPJ", "12345678000190");
    static final PaymentParticipant PAYER = new PaymentParticipant("Empresa Ltda", "0001", "12345-0", "341", DOCUMENT);
    static final PaymentParticipant RECEIVER = new PaymentParticipant("Fornecedor SA", "0002", "54321-9", "237",
            new DocumentNumber("CPF", "12345678909"));
    static final PaymentData PAYMENT_DATA = new PaymentData(PAYER, RECEIVER, "PIX", "E1234567890", "Invoice 42",
            "ref-42");
    static final CreditCardMetadata CARD_METADATA = new CreditCardMetadata(2, 10, new BigDecimal("1230.00"),
            LocalDate.of(2024, 3, 15), 5411, "1234", "bill-7");
    static final Merchant MERCHANT = new Merchant("Mercado", "Mercado Ltda", "98765432000110", "Groceries", "4711302");
    static final TransactionData TRANSACTION = new TransactionData("tx-1", ACCOUNT_ID, AT, "PIX Fornecedor",
            "PIX ENVIADO FORNECEDOR", "DEBIT", new BigDecimal("12.30"), new BigDecimal("12.30"),
            new BigDecimal("1222.20"), "BRL", "Transfer - PIX", "05070000", "POSTED", "123", "prov-1", "PIX",
            PAYMENT_DATA, CARD_METADATA, MERCHANT, AT, AT.plusSeconds(60));
    static final TransactionBatch BATCH = new TransactionBatch(ITEM_ID, ACCOUNT_ID, SYNC_RUN_ID, 3,
            List.of(TRANSACTION), List.of("tx-0"));

    static final CompanyChanged COMPANY = new CompanyChanged(COMPANY_ID, "Empresa Ltda", Plan.PRO, 5000L,
            CompanyChange.PLAN_CHANGED, AT);

    static final FieldError FIELD_ERROR = new FieldError("fromDate", "must not be after toDate");
    static final Problem PROBLEM = new Problem("https://financehub.io/problems/validation", "Validation Failed", 400,
            "The sync window is invalid", "/api/banking/items/1/sync", "validation_failed", List.of(FIELD_ERROR));

    /** Event payloads by class, one per payload record. */
    static final Map<Class<?>, Record> PAYLOADS = List.<Record>of(
                    WEBHOOK, SYNC_REQUESTED, ITEM_STATUS, ACCOUNTS, ITEM_REMOVED, BATCH, COMPANY)
            .stream().collect(Collectors.toMap(Record::getClass, Function.identity()));

    /** Every record except the generic envelope, which is sampled around each payload instead. */
    static final List<Record> RECORDS = List.of(
            WEBHOOK, WEBHOOK_ERROR, SYNC_REQUESTED, ITEM_STATUS, ACCOUNTS, ACCOUNT, BANK_DATA, CREDIT_DATA,
            ITEM_REMOVED, BATCH, TRANSACTION, PAYMENT_DATA, PAYER, DOCUMENT, CARD_METADATA, MERCHANT, COMPANY,
            PROBLEM, FIELD_ERROR);

    static EventEnvelope<Record> envelope(Record payload) {
        String type = EventTypes.PAYLOAD_CLASSES.entrySet().stream()
                .filter(e -> e.getValue() == payload.getClass())
                .map(Map.Entry::getKey)
                .sorted()
                .findFirst()
                .orElseThrow();
        return EventEnvelope.of(type, COMPANY_ID, payload);
    }

    private Samples() {
    }
}
