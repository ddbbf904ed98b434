package io.financehub.sandbox.api;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import io.financehub.sandbox.config.JsonCustomizer;
import io.financehub.sandbox.data.Draft;
import io.financehub.sandbox.data.Ledger;
import io.financehub.sandbox.data.Ledger.Row;
import io.financehub.sandbox.data.Transaction;
import io.financehub.sandbox.data.Transaction.BoletoMetadata;
import io.financehub.sandbox.data.Transaction.CreditCardMetadata;
import io.financehub.sandbox.data.Transaction.Document;
import io.financehub.sandbox.data.Transaction.Merchant;
import io.financehub.sandbox.data.Transaction.Participant;
import io.financehub.sandbox.data.Transaction.PaymentData;

/**
 * Writes the two transaction page bodies straight into UTF-8 bytes, byte for byte what the application's Jackson
 * mapper writes for the same records (field order, nulls, {@code NON_NULL} on card metadata and merchant, BigDecimal
 * as {@code toString()}, dates as {@code yyyy-MM-ddTHH:mm:ss.SSSZ}, Jackson's string escapes). A page is ~500 kB of
 * JSON, and writing it field by field from precomputed name fragments costs a fraction of data binding.
 * {@code PageJsonTest} holds it to Jackson's output.
 *
 * <p>A generated page repeats a few hundred shared values (the generator hands out one instance per vocabulary
 * string): a vocabulary field is written as one remembered piece, name and value already encoded; merchants and the
 * account holder, shared records, as one piece too. Only ids, amounts, dates and per-transaction numbers are encoded
 * each time. What is remembered is a pure function of the value, so an equal value gives the same bytes.
 *
 * <p>A generated page is written from the ledger's {@link Row}s, field for field what the record the row renders
 * to would give ({@code PageJsonTest} holds the two to each other and to Jackson), without the record: its id is
 * written from the UUID's two halves, amounts from cents and dates from milliseconds.
 *
 * <p>Not thread-safe: one writer per generating thread, reused page after page (its buffer is the last page's).
 */
final class PageJson {

    private static final long DAY = 86_400_000L;
    private static final byte[] HEX = fragment("0123456789ABCDEF");
    private static final byte[] LOWER_HEX = fragment("0123456789abcdef");
    /** 10^17: cents below it in magnitude have fewer than 18 digits. */
    private static final long CENTS_BOUND = 100_000_000_000_000_000L;
    /** "00" to "99". */
    private static final byte[] PAIRS = new byte[200];
    /** 10^i for i in 0..18. */
    private static final long[] POWERS = new long[19];
    /** Of the ASCII characters JSON escapes: -1, \\u00XX; otherwise the character after the backslash. */
    private static final int[] ESCAPES = new int[128];

    static {
        for (int i = 0; i < 100; i++) {
            PAIRS[2 * i] = (byte) ('0' + i / 10);
            PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
        POWERS[0] = 1;
        for (int i = 1; i < POWERS.length; i++) {
            POWERS[i] = POWERS[i - 1] * 10;
        }
        for (int c = 0; c < 32; c++) {
            ESCAPES[c] = -1;
        }
        ESCAPES['"'] = '"';
        ESCAPES['\\'] = '\\';
        ESCAPES['\b'] = 'b';
        ESCAPES['\t'] = 't';
        ESCAPES['\f'] = 'f';
        ESCAPES['\n'] = 'n';
        ESCAPES['\r'] = 'r';
    }

    private static final byte[] RESULTS = fragment("{\"results\":[");
    private static final byte[] NEXT = fragment("],\"next\":");
    private static final byte[] TOTAL = fragment("{\"total\":");
    private static final byte[] TOTAL_PAGES = fragment(",\"totalPages\":");
    private static final byte[] PAGE = fragment(",\"page\":");
    private static final byte[] PAGE_RESULTS = fragment(",\"results\":[");
    private static final byte[] NULL = fragment("null");

    private static final byte[] T_ID = fragment("{\"id\":");
    private static final byte[] T_ACCOUNT_ID = fragment(",\"accountId\":");
    private static final byte[] T_DATE = fragment(",\"date\":");
    private static final byte[] T_DESCRIPTION = fragment(",\"description\":");
    private static final byte[] T_DESCRIPTION_RAW = fragment(",\"descriptionRaw\":");
    private static final byte[] T_TYPE = fragment(",\"type\":");
    private static final byte[] T_AMOUNT = fragment(",\"amount\":");
    private static final byte[] T_AMOUNT_IN_ACCOUNT_CURRENCY = fragment(",\"amountInAccountCurrency\":");
    private static final byte[] T_AMOUNT_IN_ACCOUNT_CURRENCY_NULL = fragment(",\"amountInAccountCurrency\":null");
    private static final byte[] T_BALANCE = fragment(",\"balance\":");
    private static final byte[] T_CURRENCY_CODE = fragment(",\"currencyCode\":");
    private static final byte[] T_CATEGORY = fragment(",\"category\":");
    private static final byte[] T_CATEGORY_ID = fragment(",\"categoryId\":");
    private static final byte[] T_STATUS = fragment(",\"status\":");
    private static final byte[] T_PROVIDER_CODE = fragment(",\"providerCode\":");
    private static final byte[] T_PROVIDER_ID = fragment(",\"providerId\":");
    private static final byte[] T_PROVIDER_ID_NULL = fragment(",\"providerId\":null");
    private static final byte[] T_OPERATION_TYPE = fragment(",\"operationType\":");
    private static final byte[] T_OPERATION_TYPE_INFO = fragment(",\"operationTypeAdditionalInfo\":");
    private static final byte[] T_PAYMENT_DATA = fragment(",\"paymentData\":");
    private static final byte[] T_CREDIT_CARD_METADATA = fragment(",\"creditCardMetadata\":");
    private static final byte[] T_MERCHANT = fragment(",\"merchant\":");
    private static final byte[] T_NO_PAYMENT_CARD_MERCHANT = fragment(
            ",\"paymentData\":null,\"creditCardMetadata\":null,\"merchant\":null");
    private static final byte[] T_CREATED_AT = fragment(",\"createdAt\":");
    private static final byte[] T_UPDATED_AT = fragment(",\"updatedAt\":");

    private static final byte[] P_PAYER = fragment("{\"payer\":");
    private static final byte[] P_RECEIVER = fragment(",\"receiver\":");
    private static final byte[] P_PAYMENT_METHOD = fragment(",\"paymentMethod\":");
    private static final byte[] P_REFERENCE_NUMBER = fragment(",\"referenceNumber\":");
    private static final byte[] P_REASON = fragment(",\"reason\":");
    private static final byte[] P_RECEIVER_REFERENCE_ID = fragment(",\"receiverReferenceId\":");
    private static final byte[] P_BOLETO_METADATA = fragment(",\"boletoMetadata\":");

    private static final byte[] A_DOCUMENT_NUMBER = fragment("{\"documentNumber\":");
    private static final byte[] A_NAME = fragment(",\"name\":");
    private static final byte[] A_ACCOUNT_NUMBER = fragment(",\"accountNumber\":");
    private static final byte[] A_BRANCH_NUMBER = fragment(",\"branchNumber\":");
    private static final byte[] A_ROUTING_NUMBER = fragment(",\"routingNumber\":");
    private static final byte[] A_ROUTING_NUMBER_ISPB = fragment(",\"routingNumberISPB\":");

    private static final byte[] D_TYPE = fragment("{\"type\":");
    private static final byte[] D_VALUE = fragment(",\"value\":");

    private static final byte[] B_DIGITABLE_LINE = fragment("{\"digitableLine\":");
    private static final byte[] B_BARCODE = fragment(",\"barcode\":");
    private static final byte[] B_BASE_AMOUNT = fragment(",\"baseAmount\":");
    private static final byte[] B_PENALTY_AMOUNT = fragment(",\"penaltyAmount\":");
    private static final byte[] B_INTEREST_AMOUNT = fragment(",\"interestAmount\":");
    private static final byte[] B_DISCOUNT_AMOUNT = fragment(",\"discountAmount\":");

    private static final String C_INSTALLMENT_NUMBER = "installmentNumber";
    private static final String C_TOTAL_INSTALLMENTS = "totalInstallments";
    private static final String C_TOTAL_AMOUNT = "totalAmount";
    private static final String C_PAYEE_MCC = "payeeMCC";
    private static final String C_PURCHASE_DATE = "purchaseDate";
    private static final String C_BILL_ID = "billId";
    private static final String C_CARD_NUMBER = "cardNumber";

    /**
     * A field whose values come from a small vocabulary (types, statuses, codes, categories, names, descriptions):
     * {@code ,"name":"value"} is encoded once per distinct value and copied as one piece from then on. Per writer, so
     * not shared between threads.
     */
    private static final class Field {
        final byte[] name;
        final byte[] nameAndNull;
        final Map<String, byte[]> values = new HashMap<>(64);
        /** The last value written and its piece: most fields repeat the previous transaction's value. */
        String last;
        byte[] lastJson;

        Field(byte[] name) {
            this.name = name;
            this.nameAndNull = Arrays.copyOf(name, name.length + 4);
            System.arraycopy(NULL, 0, nameAndNull, name.length, 4);
        }
    }

    /** Distinct strings of vocabulary fields remembered at most; past it new ones are written but not kept. */
    private static final int WORDS_LIMIT = 4096;
    private static final int MERCHANTS_LIMIT = 256;

    private byte[] buf = new byte[1 << 20];
    private int pos;
    /** The JSON (quoted, escaped) of other repeated values: bill ids, card numbers, merchants' fields. */
    private final Map<String, byte[]> words = new HashMap<>(2048);
    private final Field accountId = new Field(T_ACCOUNT_ID);
    private final Field description = new Field(T_DESCRIPTION);
    private final Field type = new Field(T_TYPE);
    private final Field currencyCode = new Field(T_CURRENCY_CODE);
    private final Field category = new Field(T_CATEGORY);
    private final Field categoryId = new Field(T_CATEGORY_ID);
    private final Field status = new Field(T_STATUS);
    private final Field providerCode = new Field(T_PROVIDER_CODE);
    private final Field operationType = new Field(T_OPERATION_TYPE);
    private final Field operationTypeAdditionalInfo = new Field(T_OPERATION_TYPE_INFO);
    private final Field paymentMethod = new Field(P_PAYMENT_METHOD);
    private final Field reason = new Field(P_REASON);
    private final Field receiverReferenceId = new Field(P_RECEIVER_REFERENCE_ID);
    private final Field name = new Field(A_NAME);
    private final Field routingNumber = new Field(A_ROUTING_NUMBER);
    private final Field routingNumberISPB = new Field(A_ROUTING_NUMBER_ISPB);
    private final Field documentType = new Field(D_TYPE);
    /** Merchants are shared records (one per vocabulary entry): their whole JSON object, once per writer. */
    private final Map<Merchant, byte[]> merchants = new IdentityHashMap<>();
    /**
     * The last two participants written in this page, where their JSON starts and its length: the account holder is
     * payer or receiver of most payments, the same instance every time, and is copied rather than written again.
     */
    private final Participant[] seen = new Participant[2];
    private final int[] seenAt = new int[2];
    private final int[] seenLength = new int[2];
    private int lastSeen;
    private char[] chars = new char[256];
    /** The last transaction date written from milliseconds, and its JSON: a page spans few days, in order. */
    private long lastDate = Long.MIN_VALUE;
    private byte[] lastDateJson;
    private final Instant[] recent = new Instant[2];
    private final byte[][] recentJson = new byte[2][];
    private int nextSlot;
    /** Whether the current NON_NULL object has a field yet (its separator is a comma from then on). */
    private boolean fieldWritten;

    // ---------------------------------------------------------------- pages

    /** {@code {"results":[...],"next":...}} of GET /v2/transactions. */
    PageJson cursorPage(List<Transaction> results, String next) {
        start();
        raw(RESULTS);
        transactions(results);
        raw(NEXT);
        string(next);
        raw('}');
        return this;
    }

    /** {@code {"total":..,"totalPages":..,"page":..,"results":[...]}} of GET /transactions. */
    PageJson offsetPage(long total, long totalPages, int page, List<Transaction> results) {
        start();
        raw(TOTAL);
        number(total);
        raw(TOTAL_PAGES);
        number(totalPages);
        raw(PAGE);
        number(page);
        raw(PAGE_RESULTS);
        transactions(results);
        raw(']');
        raw('}');
        return this;
    }

    /** {@link #cursorPage(List, String)} of the records {@code rows} render to. */
    PageJson cursorPage(Ledger ledger, List<Row> rows, String next) {
        start();
        raw(RESULTS);
        rows(ledger, rows);
        raw(NEXT);
        string(next);
        raw('}');
        return this;
    }

    /** {@link #offsetPage(long, long, int, List)} of the records {@code rows} render to. */
    PageJson offsetPage(long total, long totalPages, int page, Ledger ledger, List<Row> rows) {
        start();
        raw(TOTAL);
        number(total);
        raw(TOTAL_PAGES);
        number(totalPages);
        raw(PAGE);
        number(page);
        raw(PAGE_RESULTS);
        rows(ledger, rows);
        raw(']');
        raw('}');
        return this;
    }

    private void start() {
        pos = 0;
        seen[0] = null;
        seen[1] = null;
    }

    /** The page just written. */
    byte[] bytes() {
        return Arrays.copyOf(buf, pos);
    }

    /** The page just written, copied off-heap. */
    ByteBuffer direct() {
        ByteBuffer memory = ByteBuffer.allocateDirect(pos);
        memory.put(buf, 0, pos).flip();
        return memory;
    }

    private void transactions(List<Transaction> results) {
        for (int i = 0; i < results.size(); i++) {
            if (i > 0) {
                raw(',');
            }
            transaction(results.get(i));
        }
    }

    private void rows(Ledger ledger, List<Row> rows) {
        String account = ledger.spec().accountId();
        for (int i = 0; i < rows.size(); i++) {
            if (i > 0) {
                raw(',');
            }
            row(ledger, account, rows.get(i));
        }
    }

    // ---------------------------------------------------------------- Pluggy's records

    /** What {@link #transaction} writes for the record the row renders to ({@code Ledger.render}). */
    private void row(Ledger ledger, String account, Row r) {
        Draft d = r.draft();
        raw(T_ID);
        long check = ledger.idCheck(r.seq());
        uuid(ledger.idHigh(check), Ledger.idLow(check, r.seq()));
        field(accountId, account);
        raw(T_DATE);
        date(d.dateMillis());
        field(description, d.description());
        raw(T_DESCRIPTION_RAW);
        string(d.descriptionRaw());
        field(type, d.type());
        raw(T_AMOUNT);
        cents(d.amountCents());
        raw(T_AMOUNT_IN_ACCOUNT_CURRENCY_NULL);
        raw(T_BALANCE);
        cents(r.balanceCents());
        field(currencyCode, Ledger.CURRENCY);
        field(category, ledger.category(d));
        field(categoryId, d.categoryId());
        field(status, d.status());
        field(providerCode, d.providerCode());
        if (d.providerId() == null) {
            raw(T_PROVIDER_ID_NULL);
        } else {
            raw(T_PROVIDER_ID);
            string(d.providerId());
        }
        field(operationType, d.operationType());
        field(operationTypeAdditionalInfo, null);
        if (d.paymentData() == null && d.creditCardMetadata() == null && d.merchant() == null) {
            raw(T_NO_PAYMENT_CARD_MERCHANT);
        } else {
            raw(T_PAYMENT_DATA);
            paymentData(d.paymentData());
            raw(T_CREDIT_CARD_METADATA);
            creditCardMetadata(d.creditCardMetadata());
            raw(T_MERCHANT);
            merchant(d.merchant());
        }
        raw(T_CREATED_AT);
        instant(r.createdAt());
        raw(T_UPDATED_AT);
        instant(r.updatedAt());
        raw('}');
    }

    private void transaction(Transaction t) {
        raw(T_ID);
        string(t.id());
        field(accountId, t.accountId());
        raw(T_DATE);
        instant(t.date());
        field(description, t.description());
        raw(T_DESCRIPTION_RAW);
        // Not a word: most carry the statement date ("PIX ENVIADO 29/06 ..."), a new string each time.
        string(t.descriptionRaw());
        field(type, t.type());
        raw(T_AMOUNT);
        decimal(t.amount());
        if (t.amountInAccountCurrency() == null) {
            raw(T_AMOUNT_IN_ACCOUNT_CURRENCY_NULL);
        } else {
            raw(T_AMOUNT_IN_ACCOUNT_CURRENCY);
            decimal(t.amountInAccountCurrency());
        }
        raw(T_BALANCE);
        decimal(t.balance());
        field(currencyCode, t.currencyCode());
        field(category, t.category());
        field(categoryId, t.categoryId());
        field(status, t.status());
        field(providerCode, t.providerCode());
        if (t.providerId() == null) {
            raw(T_PROVIDER_ID_NULL);
        } else {
            raw(T_PROVIDER_ID);
            string(t.providerId());
        }
        field(operationType, t.operationType());
        field(operationTypeAdditionalInfo, t.operationTypeAdditionalInfo());
        if (t.paymentData() == null && t.creditCardMetadata() == null && t.merchant() == null) {
            raw(T_NO_PAYMENT_CARD_MERCHANT);
        } else {
            raw(T_PAYMENT_DATA);
            paymentData(t.paymentData());
            raw(T_CREDIT_CARD_METADATA);
            creditCardMetadata(t.creditCardMetadata());
            raw(T_MERCHANT);
            merchant(t.merchant());
        }
        raw(T_CREATED_AT);
        instant(t.createdAt());
        raw(T_UPDATED_AT);
        instant(t.updatedAt());
        raw('}');
    }

    private void paymentData(PaymentData p) {
        if (p == null) {
            raw(NULL);
            return;
        }
        raw(P_PAYER);
        participant(p.payer());
        raw(P_RECEIVER);
        participant(p.receiver());
        field(paymentMethod, p.paymentMethod());
        raw(P_REFERENCE_NUMBER);
        string(p.referenceNumber());
        field(reason, p.reason());
        field(receiverReferenceId, p.receiverReferenceId());
        raw(P_BOLETO_METADATA);
        boleto(p.boletoMetadata());
        raw('}');
    }

    private void participant(Participant p) {
        if (p == null) {
            raw(NULL);
            return;
        }
        for (int k = 0; k < 2; k++) {
            if (seen[k] == p) {
                copyWithin(seenAt[k], seenLength[k]);
                lastSeen = k;
                return;
            }
        }
        int start = pos;
        participantFields(p);
        // The other slot: the one just used (likely the account holder) stays.
        int slot = 1 - lastSeen;
        seen[slot] = p;
        seenAt[slot] = start;
        seenLength[slot] = pos - start;
        lastSeen = slot;
    }

    private void participantFields(Participant p) {
        raw(A_DOCUMENT_NUMBER);
        document(p.documentNumber());
        field(name, p.name());
        raw(A_ACCOUNT_NUMBER);
        string(p.accountNumber());
        raw(A_BRANCH_NUMBER);
        string(p.branchNumber());
        field(routingNumber, p.routingNumber());
        field(routingNumberISPB, p.routingNumberISPB());
        raw('}');
    }

    private void document(Document d) {
        if (d == null) {
            raw(NULL);
            return;
        }
        field(documentType, d.type());
        raw(D_VALUE);
        string(d.value());
        raw('}');
    }

    private void boleto(BoletoMetadata b) {
        if (b == null) {
            raw(NULL);
            return;
        }
        raw(B_DIGITABLE_LINE);
        string(b.digitableLine());
        raw(B_BARCODE);
        string(b.barcode());
        raw(B_BASE_AMOUNT);
        decimal(b.baseAmount());
        raw(B_PENALTY_AMOUNT);
        decimal(b.penaltyAmount());
        raw(B_INTEREST_AMOUNT);
        decimal(b.interestAmount());
        raw(B_DISCOUNT_AMOUNT);
        decimal(b.discountAmount());
        raw('}');
    }

    /** {@code @JsonInclude(NON_NULL)}: absent fields are left out. */
    private void creditCardMetadata(CreditCardMetadata c) {
        if (c == null) {
            raw(NULL);
            return;
        }
        raw('{');
        fieldWritten = false;
        if (c.installmentNumber() != null) {
            name(C_INSTALLMENT_NUMBER);
            number(c.installmentNumber());
        }
        if (c.totalInstallments() != null) {
            name(C_TOTAL_INSTALLMENTS);
            number(c.totalInstallments());
        }
        if (c.totalAmount() != null) {
            name(C_TOTAL_AMOUNT);
            decimal(c.totalAmount());
        }
        if (c.payeeMCC() != null) {
            name(C_PAYEE_MCC);
            number(c.payeeMCC());
        }
        if (c.purchaseDate() != null) {
            name(C_PURCHASE_DATE);
            instant(c.purchaseDate());
        }
        if (c.billId() != null) {
            name(C_BILL_ID);
            word(c.billId());
        }
        if (c.cardNumber() != null) {
            name(C_CARD_NUMBER);
            word(c.cardNumber());
        }
        raw('}');
    }

    /** {@code @JsonInclude(NON_NULL)}: absent fields are left out. */
    private void merchant(Merchant m) {
        if (m == null) {
            raw(NULL);
            return;
        }
        byte[] json = merchants.get(m);
        if (json != null) {
            raw(json);
            return;
        }
        int start = pos;
        merchantFields(m);
        if (merchants.size() < MERCHANTS_LIMIT) {
            merchants.put(m, Arrays.copyOfRange(buf, start, pos));
        }
    }

    private void merchantFields(Merchant m) {
        raw('{');
        fieldWritten = false;
        optional("name", m.name());
        optional("businessName", m.businessName());
        optional("cnpj", m.cnpj());
        optional("cnae", m.cnae());
        optional("category", m.category());
        raw('}');
    }

    private void optional(String field, String value) {
        if (value != null) {
            name(field);
            word(value);
        }
    }

    private void name(String field) {
        if (fieldWritten) {
            raw(',');
        }
        fieldWritten = true;
        raw('"');
        for (int i = 0; i < field.length(); i++) {
            raw((byte) field.charAt(i));
        }
        raw('"');
        raw(':');
    }

    // ---------------------------------------------------------------- values

    /** A vocabulary field, name and value, as one remembered piece. */
    private void field(Field f, String value) {
        if (value == null) {
            raw(f.nameAndNull);
            return;
        }
        if (value == f.last) {
            raw(f.lastJson);
            return;
        }
        byte[] json = f.values.get(value);
        if (json == null) {
            int start = pos;
            raw(f.name);
            string(value);
            json = Arrays.copyOfRange(buf, start, pos);
            if (f.values.size() < WORDS_LIMIT) {
                f.values.put(value, json);
            }
        } else {
            raw(json);
        }
        f.last = value;
        f.lastJson = json;
    }

    /** A string of a vocabulary field: its JSON remembered by content. */
    private void word(String s) {
        if (s == null) {
            raw(NULL);
            return;
        }
        byte[] json = words.get(s);
        if (json != null) {
            raw(json);
            return;
        }
        int start = pos;
        string(s);
        if (words.size() < WORDS_LIMIT) {
            words.put(s, Arrays.copyOfRange(buf, start, pos));
        }
    }

    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): exact for ASCII, and a plain copy
    private void string(String s) {
        if (s == null) {
            raw(NULL);
            return;
        }
        int n = s.length();
        if (chars.length < n) {
            chars = new char[Math.max(n, chars.length * 2)];
        }
        // One bulk copy (an intrinsic for Latin-1 strings), then a branch-free pass: is it ASCII with nothing to escape?
        char[] cs = chars;
        s.getChars(0, n, cs, 0);
        ensure(n * 6 + 2);
        byte[] b = buf;
        int p = pos;
        b[p++] = '"';
        for (int i = 0; i < n; i++) {
            char c = cs[i];
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                b[p++] = (byte) c;
            } else if (c < 0x80) {
                int e = ESCAPES[c];
                if (e > 0) {
                    b[p++] = '\\';
                    b[p++] = (byte) e;
                } else {
                    b[p++] = '\\';
                    b[p++] = 'u';
                    b[p++] = '0';
                    b[p++] = '0';
                    b[p++] = HEX[c >> 4];
                    b[p++] = HEX[c & 0xf];
                }
            } else if (c < 0x800) {
                b[p++] = (byte) (0xc0 | (c >> 6));
                b[p++] = (byte) (0x80 | (c & 0x3f));
            } else if (Character.isSurrogate(c)) {
                // Jackson 2 writes each half of a surrogate pair as an escape, not as 4 bytes of UTF-8.
                b[p++] = '\\';
                b[p++] = 'u';
                b[p++] = HEX[c >> 12];
                b[p++] = HEX[(c >> 8) & 0xf];
                b[p++] = HEX[(c >> 4) & 0xf];
                b[p++] = HEX[c & 0xf];
            } else {
                b[p++] = (byte) (0xe0 | (c >> 12));
                b[p++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                b[p++] = (byte) (0x80 | (c & 0x3f));
            }
        }
        b[p++] = '"';
        pos = p;
    }

    /** BigDecimal as Jackson writes it ({@code toString()}); the scale-2 amounts without building that string. */
    private void decimal(BigDecimal v) {
        if (v == null) {
            raw(NULL);
            return;
        }
        if (v.scale() == 2 && v.precision() < 18) {
            // Scale 0 keeps the compact long: longValue() reads it, where unscaledValue() would build a BigInteger.
            scaleTwo(v.scaleByPowerOfTen(2).longValue());
            return;
        }
        ascii(v.toString());
    }

    /** {@code BigDecimal.valueOf(cents, 2)} as {@link #decimal} writes it. */
    private void cents(long cents) {
        if (cents > -CENTS_BOUND && cents < CENTS_BOUND) {
            scaleTwo(cents);
        } else {
            decimal(BigDecimal.valueOf(cents, 2));
        }
    }

    /** A scale-2 decimal of fewer than 18 digits, from its unscaled value. */
    private void scaleTwo(long unscaled) {
        if (unscaled < 0) {
            raw('-');
            unscaled = -unscaled;
        }
        number(unscaled / 100);
        long cents = unscaled % 100;
        ensure(3);
        buf[pos++] = '.';
        buf[pos++] = (byte) ('0' + cents / 10);
        buf[pos++] = (byte) ('0' + cents % 10);
    }

    /** {@code new UUID(msb, lsb).toString()}, quoted. */
    private void uuid(long msb, long lsb) {
        ensure(38);
        byte[] b = buf;
        int p = pos;
        b[p++] = '"';
        p = hex(b, p, msb >>> 32, 8);
        b[p++] = '-';
        p = hex(b, p, msb >>> 16, 4);
        b[p++] = '-';
        p = hex(b, p, msb, 4);
        b[p++] = '-';
        p = hex(b, p, lsb >>> 48, 4);
        b[p++] = '-';
        p = hex(b, p, lsb, 12);
        b[p++] = '"';
        pos = p;
    }

    /** The low {@code digits} hex digits of {@code v}, lower case. */
    private static int hex(byte[] b, int p, long v, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            b[p + i] = LOWER_HEX[(int) (v & 0xf)];
            v >>>= 4;
        }
        return p + digits;
    }

    private void number(long v) {
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                ascii(Long.toString(v));
                return;
            }
            raw('-');
            v = -v;
        }
        ensure(20);
        if (v < 10) {
            buf[pos++] = (byte) ('0' + v);
            return;
        }
        int digits = 1;
        while (digits < POWERS.length && v >= POWERS[digits]) {
            digits++;
        }
        int end = pos + digits;
        byte[] b = buf;
        int p = end;
        // Two digits at a time; int arithmetic once the rest fits one.
        while (v >= Integer.MAX_VALUE) {
            int pair = (int) (v % 100);
            v /= 100;
            b[--p] = PAIRS[2 * pair + 1];
            b[--p] = PAIRS[2 * pair];
        }
        int rest = (int) v;
        while (rest >= 100) {
            int pair = rest % 100;
            rest /= 100;
            b[--p] = PAIRS[2 * pair + 1];
            b[--p] = PAIRS[2 * pair];
        }
        if (rest >= 10) {
            b[--p] = PAIRS[2 * rest + 1];
            b[--p] = PAIRS[2 * rest];
        } else {
            b[--p] = (byte) ('0' + rest);
        }
        pos = end;
    }

    /** {@code 2025-01-31T03:00:00.000Z}, as {@link JsonCustomizer#PLUGGY_INSTANT} formats it. */
    private void instant(Instant t) {
        if (t == null) {
            raw(NULL);
            return;
        }
        // A page repeats few instants (a day's date, the same createdAt and updatedAt): two remembered.
        if (t.equals(recent[0])) {
            raw(recentJson[0]);
            return;
        }
        if (t.equals(recent[1])) {
            raw(recentJson[1]);
            return;
        }
        int start = pos;
        format(t);
        int slot = nextSlot;
        nextSlot = 1 - slot;
        recent[slot] = t;
        recentJson[slot] = Arrays.copyOfRange(buf, start, pos);
    }

    /** {@code Instant.ofEpochMilli(millis)} as {@link #instant} writes it. */
    private void date(long millis) {
        if (millis == lastDate) {
            raw(lastDateJson);
            return;
        }
        int start = pos;
        format(null, millis);
        lastDate = millis;
        lastDateJson = Arrays.copyOfRange(buf, start, pos);
    }

    private void format(Instant t) {
        long millis;
        try {
            millis = t.toEpochMilli();
        } catch (ArithmeticException e) {
            string(JsonCustomizer.format(t));
            return;
        }
        format(t, millis);
    }

    /** {@code t}, whose epoch millisecond is {@code millis}; null: {@code Instant.ofEpochMilli(millis)}. */
    private void format(Instant t, long millis) {
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(millis, DAY));
        if (day.getYear() < 0 || day.getYear() > 9999) {
            string(JsonCustomizer.format(t != null ? t : Instant.ofEpochMilli(millis)));
            return;
        }
        long ms = Math.floorMod(millis, DAY);
        ensure(26);
        byte[] b = buf;
        int p = pos;
        b[p++] = '"';
        int year = day.getYear();
        b[p++] = (byte) ('0' + year / 1000);
        b[p++] = (byte) ('0' + year / 100 % 10);
        b[p++] = (byte) ('0' + year / 10 % 10);
        b[p++] = (byte) ('0' + year % 10);
        b[p++] = '-';
        p = two(b, p, day.getMonthValue());
        b[p++] = '-';
        p = two(b, p, day.getDayOfMonth());
        b[p++] = 'T';
        p = two(b, p, (int) (ms / 3_600_000));
        b[p++] = ':';
        p = two(b, p, (int) (ms / 60_000 % 60));
        b[p++] = ':';
        p = two(b, p, (int) (ms / 1000 % 60));
        b[p++] = '.';
        int frac = (int) (ms % 1000);
        b[p++] = (byte) ('0' + frac / 100);
        b[p++] = (byte) ('0' + frac / 10 % 10);
        b[p++] = (byte) ('0' + frac % 10);
        b[p++] = 'Z';
        b[p++] = '"';
        pos = p;
    }

    private static int two(byte[] b, int p, int v) {
        b[p] = (byte) ('0' + v / 10);
        b[p + 1] = (byte) ('0' + v % 10);
        return p + 2;
    }

    private void ascii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            buf[pos++] = (byte) s.charAt(i);
        }
    }

    private void raw(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, pos, bytes.length);
        pos += bytes.length;
    }

    /** Copies {@code length} bytes already written in this page, from {@code at}. */
    private void copyWithin(int at, int length) {
        ensure(length);
        System.arraycopy(buf, at, buf, pos, length);
        pos += length;
    }

    private void raw(char c) {
        ensure(1);
        buf[pos++] = (byte) c;
    }

    private void raw(byte c) {
        ensure(1);
        buf[pos++] = c;
    }

    private void ensure(int more) {
        if (pos + more > buf.length) {
            byte[] bigger = new byte[Math.max(buf.length * 2, pos + more)];
            System.arraycopy(buf, 0, bigger, 0, pos);
            buf = bigger;
        }
    }

    private static byte[] fragment(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
