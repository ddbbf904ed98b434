package io.financehub.sync.messaging;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.financehub.contracts.EventEnvelope;
import io.financehub.contracts.EventTypes;
import io.financehub.pluggy.ResultsReader;
import io.financehub.pluggy.model.CreditCardMetadata;
import io.financehub.pluggy.model.Transaction;
import io.financehub.pluggy.model.TransactionBoletoMetadata;
import io.financehub.pluggy.model.TransactionMerchantData;
import io.financehub.pluggy.model.TransactionPaymentData;
import io.financehub.pluggy.model.TransactionPaymentParticipant;
import io.financehub.pluggy.model.TransactionPaymentParticipantDocument;
import io.financehub.support.json.IsoInstants;
import io.quarkus.logging.Log;

/**
 * Turns a page of Pluggy's transactions into the JSON of a {@code transactions.batch} in one streaming pass: each
 * field is copied from the parser to a generator as {@link EventMapper#transaction} would map it (money at scale 2
 * at least, status POSTED when absent, a card purchase's day in Brazil, the fields the event does not carry left
 * out), without binding a {@link Transaction} record nor serialising a {@code TransactionData} one. The batch is
 * what the databind path writes, field for field: a test holds the two to each other on the sandbox's pages and on
 * unusual input.
 *
 * <p>Only the common shapes take the fast path: strings, plain numbers, ISO-8601 instants, objects, nulls. Any other
 * value (a number sent as a string, an epoch instant, an array where an object belongs...) is read by the service's
 * ObjectMapper as the record component it stands for, then mapped and written by it, so what is accepted, how it is
 * coerced, and every error are Jackson's own. Fields of Pluggy's that the event leaves out are read (and so checked)
 * the same way; unknown fields are skipped, as {@code @JsonIgnoreProperties(ignoreUnknown = true)} does.
 *
 * <p>Field order follows Pluggy's page; a field Pluggy left out is written as null (POSTED for the status) after the
 * others. Readers of the batch bind by name.
 */
@ApplicationScoped
public class TransactionBatchEncoder implements ResultsReader<EncodedPage> {

    private static final SerializedString ID = new SerializedString("id");
    private static final SerializedString ACCOUNT_ID = new SerializedString("accountId");
    private static final SerializedString DATE = new SerializedString("date");
    private static final SerializedString DESCRIPTION = new SerializedString("description");
    private static final SerializedString DESCRIPTION_RAW = new SerializedString("descriptionRaw");
    private static final SerializedString TYPE = new SerializedString("type");
    private static final SerializedString AMOUNT = new SerializedString("amount");
    private static final SerializedString AMOUNT_IN_ACCOUNT_CURRENCY = new SerializedString("amountInAccountCurrency");
    private static final SerializedString BALANCE = new SerializedString("balance");
    private static final SerializedString CURRENCY_CODE = new SerializedString("currencyCode");
    private static final SerializedString CATEGORY = new SerializedString("category");
    private static final SerializedString CATEGORY_ID = new SerializedString("categoryId");
    private static final SerializedString STATUS = new SerializedString("status");
    private static final SerializedString PROVIDER_CODE = new SerializedString("providerCode");
    private static final SerializedString PROVIDER_ID = new SerializedString("providerId");
    private static final SerializedString OPERATION_TYPE = new SerializedString("operationType");
    private static final SerializedString PAYMENT_DATA = new SerializedString("paymentData");
    private static final SerializedString CREDIT_CARD_METADATA = new SerializedString("creditCardMetadata");
    private static final SerializedString MERCHANT = new SerializedString("merchant");
    private static final SerializedString CREATED_AT = new SerializedString("createdAt");
    private static final SerializedString UPDATED_AT = new SerializedString("updatedAt");
    /** TransactionData's fields in record order: a missing one is written as null, in this order. */
    private static final SerializedString[] TRANSACTION_FIELDS = { ID, ACCOUNT_ID, DATE, DESCRIPTION,
            DESCRIPTION_RAW, TYPE, AMOUNT, AMOUNT_IN_ACCOUNT_CURRENCY, BALANCE, CURRENCY_CODE, CATEGORY, CATEGORY_ID,
            STATUS, PROVIDER_CODE, PROVIDER_ID, OPERATION_TYPE, PAYMENT_DATA, CREDIT_CARD_METADATA, MERCHANT,
            CREATED_AT, UPDATED_AT };
    private static final int STATUS_BIT = 1 << 12;
    private static final String DEFAULT_STATUS = "POSTED";

    private static final SerializedString PAYER = new SerializedString("payer");
    private static final SerializedString RECEIVER = new SerializedString("receiver");
    private static final SerializedString PAYMENT_METHOD = new SerializedString("paymentMethod");
    private static final SerializedString REFERENCE_NUMBER = new SerializedString("referenceNumber");
    private static final SerializedString REASON = new SerializedString("reason");
    private static final SerializedString RECEIVER_REFERENCE_ID = new SerializedString("receiverReferenceId");
    private static final SerializedString[] PAYMENT_FIELDS = { PAYER, RECEIVER, PAYMENT_METHOD, REFERENCE_NUMBER,
            REASON, RECEIVER_REFERENCE_ID };

    private static final SerializedString NAME = new SerializedString("name");
    private static final SerializedString BRANCH_NUMBER = new SerializedString("branchNumber");
    private static final SerializedString ACCOUNT_NUMBER = new SerializedString("accountNumber");
    private static final SerializedString ROUTING_NUMBER = new SerializedString("routingNumber");
    private static final SerializedString DOCUMENT_NUMBER = new SerializedString("documentNumber");
    private static final SerializedString[] PARTICIPANT_FIELDS = { NAME, BRANCH_NUMBER, ACCOUNT_NUMBER,
            ROUTING_NUMBER, DOCUMENT_NUMBER };

    private static final SerializedString VALUE = new SerializedString("value");
    private static final SerializedString[] DOCUMENT_FIELDS = { TYPE, VALUE };

    private static final SerializedString INSTALLMENT_NUMBER = new SerializedString("installmentNumber");
    private static final SerializedString TOTAL_INSTALLMENTS = new SerializedString("totalInstallments");
    private static final SerializedString TOTAL_AMOUNT = new SerializedString("totalAmount");
    private static final SerializedString PURCHASE_DATE = new SerializedString("purchaseDate");
    private static final SerializedString PAYEE_MCC = new SerializedString("payeeMCC");
    private static final SerializedString CARD_NUMBER = new SerializedString("cardNumber");
    private static final SerializedString BILL_ID = new SerializedString("billId");
    private static final SerializedString[] CARD_FIELDS = { INSTALLMENT_NUMBER, TOTAL_INSTALLMENTS, TOTAL_AMOUNT,
            PURCHASE_DATE, PAYEE_MCC, CARD_NUMBER, BILL_ID };

    private static final SerializedString BUSINESS_NAME = new SerializedString("businessName");
    private static final SerializedString CNPJ = new SerializedString("cnpj");
    private static final SerializedString CNAE = new SerializedString("cnae");
    private static final SerializedString[] MERCHANT_FIELDS = { NAME, BUSINESS_NAME, CNPJ, CATEGORY, CNAE };

    private final ObjectMapper mapper;
    private final ObjectWriter writer;
    private final ObjectReader strings;
    private final ObjectReader decimals;
    private final ObjectReader integers;
    private final ObjectReader instants;
    private final ObjectReader transactions;
    private final ObjectReader transactionLists;
    private final ObjectReader payments;
    private final ObjectReader participants;
    private final ObjectReader documents;
    private final ObjectReader cards;
    private final ObjectReader merchants;
    private final ObjectReader boletos;
    /** False when this mapper writes the event differently from the fast path (say, instants as numbers). */
    private final boolean fast;

    TransactionBatchEncoder(ObjectMapper mapper) {
        this.mapper = mapper;
        this.writer = mapper.writer();
        this.strings = mapper.readerFor(String.class);
        this.decimals = mapper.readerFor(BigDecimal.class);
        this.integers = mapper.readerFor(Integer.class);
        this.instants = mapper.readerFor(Instant.class);
        this.transactions = mapper.readerFor(Transaction.class);
        this.transactionLists = mapper.readerFor(new TypeReference<List<Transaction>>() {
        });
        this.payments = mapper.readerFor(TransactionPaymentData.class);
        this.participants = mapper.readerFor(TransactionPaymentParticipant.class);
        this.documents = mapper.readerFor(TransactionPaymentParticipantDocument.class);
        this.cards = mapper.readerFor(CreditCardMetadata.class);
        this.merchants = mapper.readerFor(TransactionMerchantData.class);
        this.boletos = mapper.readerFor(TransactionBoletoMetadata.class);
        this.fast = writesAsDatabind();
        if (!fast) {
            Log.warn("This ObjectMapper writes transactions unlike the streaming encoder: binding every page instead");
        }
    }

    /** Whether pages take the streaming path: false only if the mapper writes the event unlike it (then they are bound). */
    public boolean streaming() {
        return fast;
    }

    /** Reads Pluggy's {@code results} into the page's batch JSON. */
    @Override
    public EncodedPage read(JsonParser parser) throws IOException {
        return read(parser, fast);
    }

    EncodedPage read(JsonParser parser, boolean streaming) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return EncodedPage.EMPTY;
        }
        try (PageWriter page = new PageWriter(mapper.createGenerator(new Bytes(256 * 1024)))) {
            if (token != JsonToken.START_ARRAY || !streaming) {
                List<Transaction> bound = transactionLists.readValue(parser);
                if (bound != null) {
                    for (Transaction t : bound) {
                        page.bound(requireTransaction(parser, t));
                    }
                }
                return page.finish();
            }
            for (token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == JsonToken.START_OBJECT) {
                    transaction(parser, page);
                } else {
                    page.bound(requireTransaction(parser, transactions.readValue(parser)));
                }
            }
            return page.finish();
        }
    }

    /**
     * The value of one {@code transactions.batch} record: the envelope of {@code EventMapper.upserts} (a new id, now)
     * around the page's transactions {@code from} (inclusive) to {@code to} (exclusive).
     */
    public byte[] upserts(UUID companyId, String itemId, String accountId, UUID runId, int sequence,
            EncodedPage page, int from, int to) {
        Bytes head = new Bytes(512);
        int split;
        try (JsonGenerator g = mapper.createGenerator(head)) {
            // EventEnvelope's and TransactionBatch's components, in record order.
            g.writeStartObject();
            g.writeFieldName("id");
            writer.writeValue(g, UUID.randomUUID());
            g.writeStringField("type", EventTypes.TRANSACTIONS_BATCH);
            g.writeNumberField("version", EventEnvelope.CURRENT_VERSION);
            g.writeFieldName("occurredAt");
            writer.writeValue(g, Instant.now());
            g.writeFieldName("companyId");
            writer.writeValue(g, companyId);
            g.writeFieldName("payload");
            g.writeStartObject();
            g.writeStringField("itemId", itemId);
            g.writeStringField("accountId", accountId);
            g.writeFieldName("syncRunId");
            writer.writeValue(g, runId);
            g.writeNumberField("sequence", sequence);
            g.writeFieldName("upserts");
            g.writeStartArray();
            g.flush();
            split = head.size();
            g.writeEndArray();
            g.writeFieldName("deletedIds");
            g.writeStartArray();
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("Writing to memory cannot fail", e);
        }
        byte[] record = new byte[head.size() + page.elementsLength(from, to)];
        System.arraycopy(head.array(), 0, record, 0, split);
        int at = page.copyElements(from, to, record, split);
        System.arraycopy(head.array(), split, record, at, head.size() - split);
        return record;
    }

    // ---- one transaction, streamed ----

    private void transaction(JsonParser p, PageWriter page) throws IOException {
        JsonGenerator g = page.generator;
        int start = page.position();
        g.writeStartObject();
        int seen = 0;
        String id = null;
        Instant date = null;
        Instant createdAt = null;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken v = p.nextToken();
            switch (name) {
                case "id" -> {
                    id = string(p, v);
                    g.writeFieldName(ID);
                    writeString(g, id);
                    seen |= 1;
                }
                case "accountId" -> seen |= copyString(p, v, g, ACCOUNT_ID, 1 << 1);
                case "date" -> {
                    date = instant(p, v);
                    writeInstant(g, DATE, date, page.scratch);
                    seen |= 1 << 2;
                }
                case "description" -> seen |= copyString(p, v, g, DESCRIPTION, 1 << 3);
                case "descriptionRaw" -> seen |= copyString(p, v, g, DESCRIPTION_RAW, 1 << 4);
                case "type" -> seen |= copyString(p, v, g, TYPE, 1 << 5);
                case "amount" -> seen |= money(p, v, g, AMOUNT, 1 << 6, page.scratch);
                case "amountInAccountCurrency" -> seen |= money(p, v, g, AMOUNT_IN_ACCOUNT_CURRENCY, 1 << 7,
                        page.scratch);
                case "balance" -> seen |= money(p, v, g, BALANCE, 1 << 8, page.scratch);
                case "currencyCode" -> seen |= copyString(p, v, g, CURRENCY_CODE, 1 << 9);
                case "category" -> seen |= copyString(p, v, g, CATEGORY, 1 << 10);
                case "categoryId" -> seen |= copyString(p, v, g, CATEGORY_ID, 1 << 11);
                case "status" -> {
                    g.writeFieldName(STATUS);
                    if (v == JsonToken.VALUE_STRING) {
                        g.writeString(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                    } else {
                        String status = string(p, v);
                        g.writeString(status == null ? DEFAULT_STATUS : status);
                    }
                    seen |= STATUS_BIT;
                }
                case "providerCode" -> seen |= copyString(p, v, g, PROVIDER_CODE, 1 << 13);
                case "providerId" -> seen |= copyString(p, v, g, PROVIDER_ID, 1 << 14);
                case "operationType" -> seen |= copyString(p, v, g, OPERATION_TYPE, 1 << 15);
                case "operationTypeAdditionalInfo" -> checkString(p, v);
                case "paymentData" -> {
                    g.writeFieldName(PAYMENT_DATA);
                    paymentData(p, v, g);
                    seen |= 1 << 16;
                }
                case "creditCardMetadata" -> {
                    g.writeFieldName(CREDIT_CARD_METADATA);
                    card(p, v, g, page.scratch);
                    seen |= 1 << 17;
                }
                case "merchant" -> {
                    g.writeFieldName(MERCHANT);
                    merchant(p, v, g);
                    seen |= 1 << 18;
                }
                case "createdAt" -> {
                    createdAt = instant(p, v);
                    writeInstant(g, CREATED_AT, createdAt, page.scratch);
                    seen |= 1 << 19;
                }
                case "updatedAt" -> {
                    writeInstant(g, UPDATED_AT, instant(p, v), page.scratch);
                    seen |= 1 << 20;
                }
                default -> p.skipChildren();
            }
        }
        if ((seen & STATUS_BIT) == 0) {
            g.writeFieldName(STATUS);
            g.writeString(DEFAULT_STATUS);
            seen |= STATUS_BIT;
        }
        writeMissing(g, TRANSACTION_FIELDS, seen);
        g.writeEndObject();
        page.add(id, date, createdAt, start);
    }

    private void paymentData(JsonParser p, JsonToken v, JsonGenerator g) throws IOException {
        if (!startsObject(p, v, g, payments, EventMapper::payment)) {
            return;
        }
        int seen = 0;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "payer" -> {
                    g.writeFieldName(PAYER);
                    participant(p, t, g);
                    seen |= 1;
                }
                case "receiver" -> {
                    g.writeFieldName(RECEIVER);
                    participant(p, t, g);
                    seen |= 1 << 1;
                }
                case "paymentMethod" -> seen |= copyString(p, t, g, PAYMENT_METHOD, 1 << 2);
                case "referenceNumber" -> seen |= copyString(p, t, g, REFERENCE_NUMBER, 1 << 3);
                case "reason" -> seen |= copyString(p, t, g, REASON, 1 << 4);
                case "receiverReferenceId" -> seen |= copyString(p, t, g, RECEIVER_REFERENCE_ID, 1 << 5);
                case "boletoMetadata" -> check(p, t, boletos);
                default -> p.skipChildren();
            }
        }
        writeMissing(g, PAYMENT_FIELDS, seen);
        g.writeEndObject();
    }

    private void participant(JsonParser p, JsonToken v, JsonGenerator g) throws IOException {
        if (!startsObject(p, v, g, participants, EventMapper::participant)) {
            return;
        }
        int seen = 0;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "name" -> seen |= copyString(p, t, g, NAME, 1);
                case "branchNumber" -> seen |= copyString(p, t, g, BRANCH_NUMBER, 1 << 1);
                case "accountNumber" -> seen |= copyString(p, t, g, ACCOUNT_NUMBER, 1 << 2);
                case "routingNumber" -> seen |= copyString(p, t, g, ROUTING_NUMBER, 1 << 3);
                case "documentNumber" -> {
                    g.writeFieldName(DOCUMENT_NUMBER);
                    document(p, t, g);
                    seen |= 1 << 4;
                }
                case "routingNumberISPB" -> checkString(p, t);
                default -> p.skipChildren();
            }
        }
        writeMissing(g, PARTICIPANT_FIELDS, seen);
        g.writeEndObject();
    }

    private void document(JsonParser p, JsonToken v, JsonGenerator g) throws IOException {
        if (!startsObject(p, v, g, documents, EventMapper::document)) {
            return;
        }
        int seen = 0;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "type" -> seen |= copyString(p, t, g, TYPE, 1);
                case "value" -> seen |= copyString(p, t, g, VALUE, 1 << 1);
                default -> p.skipChildren();
            }
        }
        writeMissing(g, DOCUMENT_FIELDS, seen);
        g.writeEndObject();
    }

    private void card(JsonParser p, JsonToken v, JsonGenerator g, char[] scratch) throws IOException {
        if (!startsObject(p, v, g, cards, EventMapper::card)) {
            return;
        }
        int seen = 0;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "installmentNumber" -> seen |= integer(p, t, g, INSTALLMENT_NUMBER, 1);
                case "totalInstallments" -> seen |= integer(p, t, g, TOTAL_INSTALLMENTS, 1 << 1);
                case "totalAmount" -> seen |= money(p, t, g, TOTAL_AMOUNT, 1 << 2, scratch);
                case "purchaseDate" -> {
                    LocalDate day = EventMapper.day(instant(p, t));
                    g.writeFieldName(PURCHASE_DATE);
                    if (day == null) {
                        g.writeNull();
                    } else {
                        g.writeString(day.toString());
                    }
                    seen |= 1 << 3;
                }
                case "payeeMCC" -> seen |= integer(p, t, g, PAYEE_MCC, 1 << 4);
                case "cardNumber" -> seen |= copyString(p, t, g, CARD_NUMBER, 1 << 5);
                case "billId" -> seen |= copyString(p, t, g, BILL_ID, 1 << 6);
                default -> p.skipChildren();
            }
        }
        writeMissing(g, CARD_FIELDS, seen);
        g.writeEndObject();
    }

    private void merchant(JsonParser p, JsonToken v, JsonGenerator g) throws IOException {
        if (!startsObject(p, v, g, merchants, EventMapper::merchant)) {
            return;
        }
        int seen = 0;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "name" -> seen |= copyString(p, t, g, NAME, 1);
                case "businessName" -> seen |= copyString(p, t, g, BUSINESS_NAME, 1 << 1);
                case "cnpj" -> seen |= copyString(p, t, g, CNPJ, 1 << 2);
                case "category" -> seen |= copyString(p, t, g, CATEGORY, 1 << 3);
                case "cnae" -> seen |= copyString(p, t, g, CNAE, 1 << 4);
                default -> p.skipChildren();
            }
        }
        writeMissing(g, MERCHANT_FIELDS, seen);
        g.writeEndObject();
    }

    // ---- values ----

    private static void writeMissing(JsonGenerator g, SerializableString[] fields, int seen) throws IOException {
        int all = (1 << fields.length) - 1;
        if (seen == all) {
            return;
        }
        for (int i = 0; i < fields.length; i++) {
            if ((seen & (1 << i)) == 0) {
                g.writeFieldName(fields[i]);
                g.writeNull();
            }
        }
    }

    /** A String component: the text as is, null, or whatever Jackson makes of another token (a number's text...). */
    private int copyString(JsonParser p, JsonToken v, JsonGenerator g, SerializableString name, int bit)
            throws IOException {
        g.writeFieldName(name);
        if (v == JsonToken.VALUE_STRING) {
            g.writeString(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        } else {
            writeString(g, string(p, v));
        }
        return bit;
    }

    private String string(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        return v == JsonToken.VALUE_NULL ? null : strings.readValue(p);
    }

    private static void writeString(JsonGenerator g, String value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else {
            g.writeString(value);
        }
    }

    /** A String component the event leaves out: read all the same, so it fails where binding fails. */
    private void checkString(JsonParser p, JsonToken v) throws IOException {
        if (v != JsonToken.VALUE_STRING && v != JsonToken.VALUE_NULL) {
            strings.readValue(p);
        }
    }

    /** A component of another type the event leaves out, read as that type for the same reason. */
    /**
     * Whether {@code v} opens an object to copy field by field (its start is then written). Otherwise the value is
     * written here and false returned: null as null, anything else bound by {@code reader} and mapped as the Jackson
     * path maps it, so unusual shapes get Jackson's coercions and errors.
     */
    private <T> boolean startsObject(JsonParser p, JsonToken v, JsonGenerator g, ObjectReader reader,
            Function<T, ?> mapping) throws IOException {
        if (v == JsonToken.VALUE_NULL) {
            g.writeNull();
            return false;
        }
        if (v != JsonToken.START_OBJECT) {
            writer.writeValue(g, mapping.apply(reader.readValue(p)));
            return false;
        }
        g.writeStartObject();
        return true;
    }

    private static void check(JsonParser p, JsonToken v, ObjectReader reader) throws IOException {
        if (v != JsonToken.VALUE_NULL) {
            reader.readValue(p);
        }
    }

    private Instant instant(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_NULL) {
            return null;
        }
        if (v == JsonToken.VALUE_STRING) {
            Instant fast = IsoInstants.parse(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            if (fast != null) {
                return fast;
            }
        }
        return instants.readValue(p);
    }

    private static void writeInstant(JsonGenerator g, SerializableString name, Instant value, char[] scratch)
            throws IOException {
        g.writeFieldName(name);
        if (value == null) {
            g.writeNull();
            return;
        }
        int length = InstantText.format(value, scratch);
        if (length < 0) {
            g.writeString(value.toString());
        } else {
            g.writeString(scratch, 0, length);
        }
    }

    private int integer(JsonParser p, JsonToken v, JsonGenerator g, SerializableString name, int bit)
            throws IOException {
        g.writeFieldName(name);
        if (v == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
            g.writeNumber(p.getIntValue());
        } else {
            Integer value = v == JsonToken.VALUE_NULL ? null : integers.readValue(p);
            if (value == null) {
                g.writeNull();
            } else {
                g.writeNumber(value);
            }
        }
        return bit;
    }

    /**
     * A money component, as {@link EventMapper#money} leaves it: at scale 2 at least, never rounded. A plain number
     * with a non-zero integer part ({@code -2026.7}, {@code 15}, {@code 0.5} is not) is written from its text, which
     * is exactly what BigDecimal's {@code toString} would print; anything else goes through BigDecimal.
     */
    private int money(JsonParser p, JsonToken v, JsonGenerator g, SerializableString name, int bit, char[] scratch)
            throws IOException {
        g.writeFieldName(name);
        if (v == JsonToken.VALUE_NULL) {
            g.writeNull();
            return bit;
        }
        if (v == JsonToken.VALUE_NUMBER_INT || v == JsonToken.VALUE_NUMBER_FLOAT) {
            char[] text = p.getTextCharacters();
            int offset = p.getTextOffset();
            int length = p.getTextLength();
            int fraction = plainDecimals(text, offset, length);
            if (fraction >= 0 && length + 3 <= scratch.length) {
                if (fraction >= 2) {
                    g.writeNumber(text, offset, length);
                } else {
                    System.arraycopy(text, offset, scratch, 0, length);
                    int end = length;
                    if (fraction == 0) {
                        scratch[end++] = '.';
                    }
                    for (int i = fraction; i < 2; i++) {
                        scratch[end++] = '0';
                    }
                    g.writeNumber(scratch, 0, end);
                }
                return bit;
            }
            writeMoney(g, p.getDecimalValue());
            return bit;
        }
        writeMoney(g, decimals.readValue(p));
        return bit;
    }

    private static void writeMoney(JsonGenerator g, BigDecimal value) throws IOException {
        BigDecimal money = EventMapper.money(value);
        if (money == null) {
            g.writeNull();
        } else {
            g.writeNumber(money);
        }
    }

    /**
     * The number of digits after the point of {@code -?[1-9][0-9]*(\.[0-9]+)?}, or -1 for any other text (zero
     * integer part, exponent): only those print the same from BigDecimal, whatever their scale.
     */
    static int plainDecimals(char[] text, int offset, int length) {
        int i = offset;
        int end = offset + length;
        if (i < end && text[i] == '-') {
            i++;
        }
        if (i >= end || text[i] < '1' || text[i] > '9') {
            return -1;
        }
        while (i < end && text[i] >= '0' && text[i] <= '9') {
            i++;
        }
        if (i == end) {
            return 0;
        }
        if (text[i] != '.') {
            return -1;
        }
        int point = i++;
        while (i < end && text[i] >= '0' && text[i] <= '9') {
            i++;
        }
        return i == end && i > point + 1 ? i - point - 1 : -1;
    }

    private static Transaction requireTransaction(JsonParser parser, Transaction t) throws IOException {
        if (t == null) {
            // As binding the page: its results list refuses a null element.
            throw MismatchedInputException.from(parser, Transaction.class, "A null transaction in results");
        }
        return t;
    }

    /**
     * Whether this mapper writes a transaction the way the fast path does: the databind path's JSON of a sample
     * (every kind of value, nulls included) equals what the fast path writes for the same Pluggy JSON.
     */
    private boolean writesAsDatabind() {
        String pluggy = """
                {"results":[{"id":"t1","accountId":"a1","date":"2024-05-01T03:00:00.000Z","description":"Pão",
                "type":"DEBIT","amount":-12.5,"balance":100,"amountInAccountCurrency":null,"status":null,
                "paymentData":{"payer":{"name":"X","documentNumber":{"type":"CPF","value":"1"}},"receiver":null},
                "creditCardMetadata":{"installmentNumber":1,"totalAmount":10.25,
                "purchaseDate":"2024-05-01T03:00:00.000Z"},"merchant":{"name":"M"},
                "createdAt":"2024-05-02T10:11:12.345678Z","updatedAt":"2024-05-02T10:11:12Z"}]}""";
        try {
            byte[] streamed = encodeSample(pluggy, true);
            byte[] bound = encodeSample(pluggy, false);
            JsonNode a = mapper.readTree(streamed);
            JsonNode b = mapper.readTree(bound);
            return a.equals(b);
        } catch (IOException | RuntimeException e) {
            Log.warnf(e, "Could not compare the streaming encoder with the databind path");
            return false;
        }
    }

    private byte[] encodeSample(String pluggy, boolean streaming) throws IOException {
        try (JsonParser parser = mapper.createParser(pluggy)) {
            parser.nextToken();
            parser.nextFieldName();
            parser.nextToken();
            EncodedPage page = read(parser, streaming);
            byte[] out = new byte[page.elementsLength(0, page.size()) + 2];
            out[0] = '[';
            int end = page.copyElements(0, page.size(), out, 1);
            out[end] = ']';
            return out;
        }
    }

    // ---- the page being written ----

    /** The transactions of one page, written one after another as root values into one buffer. */
    private final class PageWriter implements AutoCloseable {

        final JsonGenerator generator;
        final char[] scratch = new char[64];
        private final Bytes out;
        private final Map<String, Integer> index = new HashMap<>();
        private int[] starts = new int[512];
        private int[] ends = new int[512];
        private String[] ids = new String[512];
        private Instant[] dates = new Instant[512];
        private Instant[] createdAts = new Instant[512];
        private int count;

        PageWriter(JsonGenerator generator) {
            this.generator = generator;
            this.out = (Bytes) generator.getOutputTarget();
            // Root values one after another with nothing between: each is sliced out by its offsets.
            generator.setRootValueSeparator(null);
        }

        int position() {
            int buffered = generator.getOutputBuffered();
            if (buffered < 0) {
                try {
                    generator.flush();
                } catch (IOException e) {
                    throw new IllegalStateException("Writing to memory cannot fail", e);
                }
                buffered = 0;
            }
            return out.size() + buffered;
        }

        /** A transaction Jackson bound (an unusual shape): mapped and written by the databind path. */
        void bound(Transaction t) throws IOException {
            int start = position();
            writer.writeValue(generator, EventMapper.transaction(t));
            add(t.id(), t.date(), t.createdAt(), start);
        }

        /** The transaction just written from {@code start}; a repeated id replaces the earlier one in its place. */
        void add(String id, Instant date, Instant createdAt, int start) {
            int end = position();
            Integer earlier = index.putIfAbsent(id, count);
            int at = earlier == null ? count++ : earlier;
            if (at == starts.length) {
                int grown = at * 2;
                starts = Arrays.copyOf(starts, grown);
                ends = Arrays.copyOf(ends, grown);
                ids = Arrays.copyOf(ids, grown);
                dates = Arrays.copyOf(dates, grown);
                createdAts = Arrays.copyOf(createdAts, grown);
            }
            starts[at] = start;
            ends[at] = end;
            ids[at] = id;
            dates[at] = date;
            createdAts[at] = createdAt;
        }

        EncodedPage finish() throws IOException {
            generator.flush();
            return new EncodedPage(out.array(), starts, ends, ids, dates, createdAts, count);
        }

        @Override
        public void close() throws IOException {
            generator.close();
        }
    }

    /** A growable byte buffer whose array is handed on as is (no copy). */
    static final class Bytes extends OutputStream {

        private byte[] buffer;
        private int size;

        Bytes(int capacity) {
            this.buffer = new byte[capacity];
        }

        @Override
        public void write(int b) {
            ensure(1);
            buffer[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, buffer, size, len);
            size += len;
        }

        private void ensure(int more) {
            if (size + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(size + more, buffer.length + (buffer.length >> 1)));
            }
        }

        int size() {
            return size;
        }

        byte[] array() {
            return buffer;
        }
    }
}
