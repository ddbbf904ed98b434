package io.financehub.sandbox.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.financehub.sandbox.data.AccountKind;
import io.financehub.sandbox.data.AccountSpec;
import io.financehub.sandbox.data.CategoryCatalog;
import io.financehub.sandbox.data.Ledger;
import io.financehub.sandbox.data.Transaction;
import io.financehub.sandbox.data.TransactionQuery;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The hand-written page writer against the application's Jackson mapper, on the same records. */
@QuarkusTest
class PageJsonTest {

    private static final long DAY = 86_400_000L;
    private static final long FROM = Instant.parse("2025-01-01T03:00:00Z").toEpochMilli();
    private static final long TO = Instant.parse("2025-06-30T03:00:00Z").toEpochMilli();

    @Inject
    ObjectMapper mapper;

    @Inject
    CategoryCatalog categories;

    private final PageJson writer = new PageJson();

    private Ledger ledger(AccountKind kind, boolean openFinance, long count, long seed) {
        AccountSpec spec = new AccountSpec("a1b2c3d4-0000-4000-8000-00000000000" + kind.ordinal(), 0x1234abcd,
                "item-1", kind, count, FROM, TO, 1_234_567, seed, openFinance, "4321");
        return new Ledger(spec, Instant.parse("2025-07-01T12:34:56.789Z"), categories);
    }

    private String jackson(Object body) throws Exception {
        return new String(mapper.writeValueAsBytes(body), StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static Map<String, Object> cursor(List<Transaction> results, String next) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("results", results);
        body.put("next", next);
        return body;
    }

    @Test
    void writesEveryKindOfGeneratedPageAsJacksonDoes() throws Exception {
        int pages = 0;
        for (AccountKind kind : AccountKind.values()) {
            for (boolean openFinance : new boolean[] { false, true }) {
                Ledger ledger = ledger(kind, openFinance, 1_700, 40 + kind.ordinal() * 2L + (openFinance ? 1 : 0));
                ledger.evolve(1, 9, 4, 3, 2, Instant.parse("2025-07-02T08:00:00.001Z"), true);
                ledger.setCategory(ledger.pageAfter(TransactionQuery.ALL, -1, 1).results().get(0).id(), "21000000",
                        Instant.parse("2025-07-03T00:00:00Z"));
                long after = -1;
                Ledger.Slice slice;
                do {
                    slice = ledger.pageAfter(TransactionQuery.ALL, after, 500);
                    String next = slice.hasMore() ? "http://localhost:8091/v2/transactions?accountId=x&after=y" : null;
                    String expected = jackson(cursor(slice.results(), next));
                    assertEquals(expected, text(writer.cursorPage(slice.results(), next).bytes()),
                            kind + " page after " + after);
                    assertEquals(expected, text(writer.cursorPage(ledger, slice.rows(), next).bytes()),
                            kind + " page after " + after + ", from rows");
                    after = slice.lastSeq();
                    pages++;
                } while (slice.hasMore());

                Ledger.Slice offset = ledger.pageByOffset(TransactionQuery.ALL, 1_500, 500);
                Map<String, Object> v1 = new LinkedHashMap<>();
                v1.put("total", offset.total());
                v1.put("totalPages", (offset.total() + 499) / 500);
                v1.put("page", 4);
                v1.put("results", offset.results());
                assertEquals(jackson(v1), text(writer.offsetPage(offset.total(), (offset.total() + 499) / 500, 4,
                        offset.results()).bytes()), kind + " v1 page 4");
                assertEquals(jackson(v1), text(writer.offsetPage(offset.total(), (offset.total() + 499) / 500, 4,
                        ledger, offset.rows()).bytes()), kind + " v1 page 4, from rows");
            }
        }
        assertEquals(32, pages);
    }

    @Test
    void writesEdgeValuesAsJacksonDoes() throws Exception {
        Transaction.Participant payer = new Transaction.Participant(null, "quote \" backslash \\ slash /", null, null,
                null, null);
        Transaction.Participant receiver = new Transaction.Participant(new Transaction.Document(null, "\u0001\u001f"),
                "tab\tnewline\nreturn\rformfeed\fbackspace\b", "emoji \uD83D\uDCB8", "\u2028\u2029", "ção", "\u007f");
        Transaction.BoletoMetadata boleto = new Transaction.BoletoMetadata("", null, new BigDecimal("123456789.5"),
                new BigDecimal("1E+3"), BigDecimal.valueOf(-5, 2), new BigDecimal("0.000001"));
        List<Transaction> results = new ArrayList<>();
        results.add(new Transaction("id", null, Instant.EPOCH, "", null, null, BigDecimal.valueOf(-1, 2), BigDecimal.ZERO,
                BigDecimal.valueOf(Long.MAX_VALUE, 2), null, null, null, null, null, null, null, "info",
                new Transaction.PaymentData(payer, receiver, null, null, null, "r", boleto),
                new Transaction.CreditCardMetadata(null, 12, null, null, Instant.ofEpochMilli(-1), null, "1"),
                new Transaction.Merchant(null, null, null, null, "cat"), Instant.parse("9999-12-31T23:59:59.999Z"),
                Instant.parse("+10000-01-01T00:00:00Z")));
        results.add(new Transaction(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, new Transaction.CreditCardMetadata(null, null, null, null, null, null, null),
                new Transaction.Merchant("n", null, null, "c", null), Instant.ofEpochMilli(FROM + 17 * DAY + 1),
                Instant.parse("2025-07-01T12:34:56.789999999Z")));
        results.add(new Transaction("x", "y", Instant.ofEpochSecond(-1, 999_999), null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, Instant.parse("2025-07-01T12:34:56Z"),
                Instant.parse("2025-07-01T12:34:56.789999999Z")));
        assertEquals(jackson(cursor(results, "next \"link\"")), text(writer.cursorPage(results,
                "next \"link\"").bytes()));
        assertEquals(jackson(cursor(List.of(), null)), text(writer.cursorPage(List.of(), null).bytes()));
        Map<String, Object> v1 = new LinkedHashMap<>();
        v1.put("total", 0L);
        v1.put("totalPages", 0L);
        v1.put("page", 7);
        v1.put("results", List.of());
        assertEquals(jackson(v1), text(writer.offsetPage(0, 0, 7, List.of()).bytes()));
    }

    /**
     * The writer remembers pieces between transactions and pages (vocabulary values, merchants, the participant just
     * written): one writer, reused over pages of BANK and CREDIT accounts in turn, must give Jackson's tree and bytes
     * for every page, including values equal to remembered ones but not the same instances, a participant seen in an
     * earlier page, accents, quotes and every optional field.
     */
    @Test
    void aReusedWriterGivesJacksonsTreesOverInterleavedPagesAndAccounts() throws Exception {
        PageJson reused = new PageJson();
        List<Ledger> ledgers = new ArrayList<>();
        long seed = 70;
        for (AccountKind kind : new AccountKind[] { AccountKind.CHECKING, AccountKind.CREDIT_CARD,
            AccountKind.BUSINESS_CHECKING, AccountKind.SAVINGS }) {
            Ledger ledger = ledger(kind, kind == AccountKind.CREDIT_CARD, 1_600, seed++);
            ledger.evolve(1, 6, 3, 2, 1, Instant.parse("2025-07-02T08:00:00.001Z"), true);
            ledgers.add(ledger);
        }
        Transaction.Participant shared = new Transaction.Participant(new Transaction.Document("CPF", "12345678909"),
                "Conceição \"Ção\" D'Ávila", "12345-6", "0001", "001", "00000000");
        Transaction.Merchant merchant = new Transaction.Merchant("Padaria São João", "São João Pães Ltda",
                "12345678000195", "1091102", "Padarias");
        int pages = 0;
        for (int offset = 0; offset < 1_600; offset += 400) {
            for (Ledger ledger : ledgers) {
                List<Transaction> results = new ArrayList<>(ledger.pageByOffset(TransactionQuery.ALL, offset, 400)
                        .results());
                Transaction first = results.get(0);
                // Equal to generated values but other instances, and every optional field set.
                results.add(new Transaction(new String(first.id()), new String(first.accountId()), first.date(),
                        new String(first.description()), first.descriptionRaw(), new String(first.type()),
                        first.amount(), new BigDecimal("-12.30"), first.balance(), new String("BRL"),
                        first.category() == null ? null : new String(first.category()), first.categoryId(),
                        new String(first.status()), first.providerCode(), "ABC123", "PIX", "Transferência \"já\"",
                        new Transaction.PaymentData(shared, offset % 800 == 0 ? shared : first.paymentData() == null
                                ? null : first.paymentData().payer(), "PIX", "E123", "Presente de aniversário",
                                "ref-\u00e9", null),
                        new Transaction.CreditCardMetadata(2, 10, new BigDecimal("1234.50"), 5411,
                                Instant.parse("2025-02-03T03:00:00Z"), "bill-1", "4321"),
                        offset % 800 == 0 ? merchant : first.merchant(), first.createdAt(), first.updatedAt()));
                results.add(new Transaction("z", "y", first.date(), "Padaria São João", "PADARIA SAO JOAO", "DEBIT",
                        BigDecimal.ONE, null, BigDecimal.TEN, "BRL", null, null, "POSTED", null, null, null, null, null,
                        null, new Transaction.Merchant(new String(merchant.name()), merchant.businessName(), null,
                                null, null), first.createdAt(), first.updatedAt()));
                String next = pages % 2 == 0 ? "http://localhost:8091/v2/transactions?accountId=x&after=" + pages
                        : null;
                // The same writer, in between, writing a generated page from its rows.
                Ledger.Slice slice = ledger.pageByOffset(TransactionQuery.ALL, offset, 400);
                assertEquals(jackson(cursor(slice.results(), next)),
                        text(reused.cursorPage(ledger, slice.rows(), next).bytes()), "page " + pages + " from rows");
                String expected = jackson(cursor(results, next));
                String written = text(reused.cursorPage(results, next).bytes());
                JsonNode tree = mapper.readTree(written);
                assertEquals(mapper.readTree(expected), tree, "page " + pages);
                assertEquals(expected, written, "page " + pages);
                assertEquals(results.size(), tree.get("results").size());
                pages++;
            }
        }
        assertEquals(16, pages);
        assertTrue(ledgers.get(1).pageByOffset(TransactionQuery.ALL, 0, 500).results().stream()
                .anyMatch(t -> t.creditCardMetadata() != null && t.creditCardMetadata().installmentNumber() != null),
                "the CREDIT account has instalment purchases");
    }
}
