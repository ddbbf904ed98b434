package io.financehub.sandbox.data;

import static io.financehub.sandbox.data.BrazilianData.BANKS;
import static io.financehub.sandbox.data.BrazilianData.BILLERS;
import static io.financehub.sandbox.data.BrazilianData.EMPLOYERS;
import static io.financehub.sandbox.data.BrazilianData.FIRST_NAMES;
import static io.financehub.sandbox.data.BrazilianData.LAST_NAMES;
import static io.financehub.sandbox.data.BrazilianData.MERCHANTS;
import static io.financehub.sandbox.data.BrazilianData.SUPPLIERS;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.financehub.sandbox.data.BrazilianData.MerchantInfo;
import io.financehub.sandbox.data.Det.Draw;
import io.financehub.sandbox.data.Transaction.BoletoMetadata;
import io.financehub.sandbox.data.Transaction.CreditCardMetadata;
import io.financehub.sandbox.data.Transaction.Document;
import io.financehub.sandbox.data.Transaction.Merchant;
import io.financehub.sandbox.data.Transaction.Participant;
import io.financehub.sandbox.data.Transaction.PaymentData;

/**
 * Derives transaction {@code i} of an account from (account seed, i) alone. Dates grow with {@code i}, so the
 * generated history is in date order and a date filter maps to an index range by binary search. Amount and kind come
 * from the first draws of the same stream, so {@link #amountCents} (used for running balances) agrees with
 * {@link #draft} by construction.
 *
 * <p>A page derives 500 transactions, so the per-transaction work is kept to draws, table look-ups and string
 * concatenation: what can be computed once (the account holder, the CNPJ of a named company, a merchant, the
 * statement form of a vocabulary string) is computed once, and no formatter, regex or normaliser runs per transaction.
 */
public final class TransactionGenerator {

    private static final long DAY = 86_400_000L;
    /** Bank statements date a transaction at midnight in Brasília, 03:00 UTC, as Pluggy shows them. */
    private static final long BRT_MIDNIGHT_OFFSET = 3 * 3_600_000L;
    private static final long PENDING_WINDOW = 3 * DAY;
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
    private static final String[] TAXES = { "DARF - Receita Federal", "IPVA - Secretaria da Fazenda",
        "IPTU - Prefeitura" };
    private static final String[] SIMPLES = { "DAS - Simples Nacional" };
    private static final String[] FEES = { "Tarifa pacote de serviços", "Tarifa de manutenção de conta", "Tarifa TED" };
    private static final String[] CARD_FEES = { "Anuidade - Parcela", "IOF compra internacional" };
    private static final String[] PIX_REASONS = { "Almoço", "Aluguel de março", "Presente", "Divisão da conta",
        "Serviço prestado" };
    /** "First Last" for every pair of the vocabulary, so a person's name is a look-up, not a concatenation. */
    private static final String[][] FULL_NAMES = new String[FIRST_NAMES.length][LAST_NAMES.length];
    /** CNPJ of a named company (a pure function of the name), filled on first use. */
    private static final Map<String, String> COMPANY_CNPJ = new ConcurrentHashMap<>();
    private static final Map<MerchantInfo, Merchant> MERCHANT_RECORDS = new ConcurrentHashMap<>();
    private static final List<MerchantInfo> SUBSCRIPTIONS = MERCHANTS.subList(6, 8);
    private static final Phrase PIX_SENT = new Phrase("Pix enviado - ", "");
    private static final Phrase PIX_RECEIVED = new Phrase("Pix recebido - ", "");
    private static final Phrase SAVINGS_SENT = new Phrase("Transferência enviada - ", "");
    private static final Phrase SAVINGS_RECEIVED = new Phrase("Transferência recebida - ", "");
    private static final Phrase DEBIT_PURCHASE = new Phrase("Compra no débito - ", "");
    private static final Phrase BOLETO_PAID = new Phrase("Pagamento de boleto - ", "");
    private static final Phrase BOLETO_PAID_RAW = new Phrase("PAG BOLETO ", "");
    private static final Phrase SALARY_RECEIVED = new Phrase("Salário - ", "");
    private static final Phrase SALARY_RECEIVED_RAW = new Phrase("CRED SALARIO ", "");
    private static final Phrase TAX_PAID_RAW = new Phrase("PAG TRIBUTO ", "");
    private static final Phrase SALARY_PAID = new Phrase("Pagamento de salário - ", "");
    private static final Phrase TED_SENT = new Phrase("TED enviada - ", "");
    private static final Phrase TED_SENT_RAW = new Phrase("TED ENVIADA ", "");
    private static final Phrase TED_RECEIVED = new Phrase("TED recebida - ", "");
    private static final Phrase TED_RECEIVED_RAW = new Phrase("TED RECEBIDA ", "");
    private static final Phrase SUBSCRIPTION_CHARGED = new Phrase("Assinatura ", "");
    private static final Phrase SUBSCRIPTION_CHARGED_RAW = new Phrase("", ".COM");
    private static final Phrase REFUNDED = new Phrase("Estorno - ", "");
    private static final Phrase REFUNDED_RAW = new Phrase("ESTORNO ", "");
    /** Indexed [number][total] of an instalment purchase (2 to 12 instalments). */
    private static final Phrase[][] INSTALMENT = new Phrase[13][13];
    private static final Phrase[][] INSTALMENT_RAW = new Phrase[13][13];

    static {
        for (int f = 0; f < FIRST_NAMES.length; f++) {
            for (int l = 0; l < LAST_NAMES.length; l++) {
                FULL_NAMES[f][l] = FIRST_NAMES[f] + " " + LAST_NAMES[l];
            }
        }
        for (int total = 2; total <= 12; total++) {
            for (int number = 1; number <= total; number++) {
                INSTALMENT[number][total] = new Phrase("", " - Parcela " + number + "/" + total);
                INSTALMENT_RAW[number][total] = new Phrase("", " PARC " + number + "/" + total);
            }
        }
    }

    private TransactionGenerator() {
    }

    /**
     * A description made of a vocabulary word (a name, a merchant) between a fixed prefix and suffix, one instance
     * per word: a page then repeats a few hundred shared strings, whose JSON the page writer encodes once, instead of
     * concatenating and encoding a new string per transaction. Words come from the fixed vocabulary; the bound only
     * guards against anything else.
     */
    private static final class Phrase {
        private static final int LIMIT = 4096;
        private final String prefix;
        private final String suffix;
        private final Map<String, String> byWord = new ConcurrentHashMap<>();

        Phrase(String prefix, String suffix) {
            this.prefix = prefix;
            this.suffix = suffix;
        }

        String of(String word) {
            String phrase = byWord.get(word);
            if (phrase == null) {
                phrase = prefix + word + suffix;
                if (byWord.size() < LIMIT) {
                    String earlier = byWord.putIfAbsent(word, phrase);
                    phrase = earlier != null ? earlier : phrase;
                }
            }
            return phrase;
        }
    }

    enum Kind {
        PIX_OUT, PIX_IN, CARD_DEBIT, BOLETO, SALARY, TAX, FEE, TED_OUT, TED_IN, CARD_BILL,
        INTEREST, SAVINGS_IN, SAVINGS_OUT,
        SUPPLIER_PIX, CUSTOMER_PIX, PAYROLL, DAS,
        PURCHASE, SUBSCRIPTION, CARD_FEE, REFUND, PAYMENT
    }

    private static final Kind[] PERSONAL = table(Kind.PIX_OUT, 30, Kind.PIX_IN, 14, Kind.CARD_DEBIT, 24, Kind.BOLETO,
            10, Kind.SALARY, 4, Kind.TAX, 3, Kind.FEE, 3, Kind.TED_OUT, 5, Kind.TED_IN, 5, Kind.CARD_BILL, 2);
    private static final Kind[] SAVINGS = table(Kind.INTEREST, 40, Kind.SAVINGS_IN, 35, Kind.SAVINGS_OUT, 25);
    private static final Kind[] BUSINESS = table(Kind.CUSTOMER_PIX, 38, Kind.SUPPLIER_PIX, 18, Kind.BOLETO, 14,
            Kind.PAYROLL, 6, Kind.DAS, 6, Kind.FEE, 6, Kind.TED_IN, 8, Kind.TED_OUT, 4);
    private static final Kind[] CARD = table(Kind.PURCHASE, 72, Kind.SUBSCRIPTION, 10, Kind.CARD_FEE, 3,
            Kind.REFUND, 4, Kind.PAYMENT, 11);

    private static Kind[] table(Object... kindsAndWeights) {
        int total = 0;
        for (int i = 1; i < kindsAndWeights.length; i += 2) {
            total += (Integer) kindsAndWeights[i];
        }
        Kind[] table = new Kind[total];
        int at = 0;
        for (int i = 0; i < kindsAndWeights.length; i += 2) {
            for (int w = 0; w < (Integer) kindsAndWeights[i + 1]; w++) {
                table[at++] = (Kind) kindsAndWeights[i];
            }
        }
        return table;
    }

    private static Kind[] tableFor(AccountKind kind) {
        return switch (kind) {
            case CHECKING -> PERSONAL;
            case SAVINGS -> SAVINGS;
            case BUSINESS_CHECKING -> BUSINESS;
            case CREDIT_CARD -> CARD;
        };
    }

    /** The stream a base transaction derives from; executions use negative indices for the ones they add. */
    private static Draw stream(AccountSpec spec, long i) {
        return new Draw(Det.hash(spec.seed(), i));
    }

    private static Kind kind(AccountSpec spec, Draw d) {
        return d.pick(tableFor(spec.kind()));
    }

    /** Signed amount in cents, Pluggy's sign convention. */
    private static long amount(Kind kind, Draw d) {
        return switch (kind) {
            case PIX_OUT -> -d.cents(1_500, 80_000);
            case PIX_IN -> d.cents(2_000, 150_000);
            case CARD_DEBIT -> -d.cents(800, 45_000);
            case BOLETO -> -d.cents(8_000, 250_000);
            case SALARY -> d.cents(350_000, 1_500_000);
            case TAX -> -d.cents(5_000, 180_000);
            case FEE -> -d.cents(1_290, 5_990);
            case TED_OUT -> -d.cents(20_000, 500_000);
            case TED_IN -> d.cents(20_000, 400_000);
            case CARD_BILL -> -d.cents(50_000, 400_000);
            case INTEREST -> d.cents(50, 6_000);
            case SAVINGS_IN -> d.cents(10_000, 300_000);
            case SAVINGS_OUT -> -d.cents(10_000, 250_000);
            case SUPPLIER_PIX -> -d.cents(20_000, 900_000);
            case CUSTOMER_PIX -> d.cents(5_000, 600_000);
            case PAYROLL -> -d.cents(250_000, 1_200_000);
            case DAS -> -d.cents(30_000, 400_000);
            case PURCHASE -> d.cents(500, 60_000);
            case SUBSCRIPTION -> d.cents(1_990, 5_990);
            case CARD_FEE -> d.cents(390, 3_500);
            case REFUND -> -d.cents(1_000, 30_000);
            case PAYMENT -> -d.cents(100_000, 350_000);
        };
    }

    public static long amountCents(AccountSpec spec, long i) {
        Draw d = stream(spec, i);
        return amount(kind(spec, d), d);
    }

    public static long dateMillis(AccountSpec spec, long i) {
        long span = Math.max(1, spec.toMillis() - spec.fromMillis());
        long jitter = (long) (Det.unit(Det.hash(spec.seed(), i, 7)) * span);
        long t = spec.fromMillis() + Math.floorDiv(i * span + jitter, Math.max(1, spec.count()));
        return toStatementDay(t);
    }

    static long toStatementDay(long t) {
        return Math.floorDiv(t - BRT_MIDNIGHT_OFFSET, DAY) * DAY + BRT_MIDNIGHT_OFFSET;
    }

    /** Index of the first generated transaction dated at or after {@code millis} (count if none). */
    public static long firstIndexAtOrAfter(AccountSpec spec, long millis) {
        long lo = 0;
        long hi = spec.count();
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (dateMillis(spec, mid) < millis) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * What every transaction of one account shares, derived once from its spec: the holder as a payment participant
     * and the seed of its card bills.
     */
    public static final class Context {
        private final AccountSpec spec;
        private final Participant self;
        private final long billSeed;
        /** Read and written by any generating thread: an immutable pair, so a stale one is only a miss. */
        private volatile Bill lastBill;

        private Context(AccountSpec spec) {
            this.spec = spec;
            this.self = selfParticipant(spec);
            this.billSeed = Det.hash(spec.seed(), "bill");
        }

        public AccountSpec spec() {
            return spec;
        }
    }

    private record Bill(long month, String id) {
    }

    public static Context context(AccountSpec spec) {
        return new Context(spec);
    }

    /** Base transaction {@code i} in full. */
    public static Draft draft(AccountSpec spec, long i) {
        return draft(context(spec), i);
    }

    /** Base transaction {@code i} in full. */
    public static Draft draft(Context c, long i) {
        AccountSpec spec = c.spec;
        long date = dateMillis(spec, i);
        boolean recent = date > spec.toMillis() - PENDING_WINDOW;
        boolean pending = recent && Det.unit(Det.hash(spec.seed(), i, 11)) < 0.4;
        return build(c, stream(spec, i), date, pending ? "PENDING" : "POSTED", i);
    }

    /** The {@code n}-th transaction an execution adds to the account, dated {@code dateMillis}. */
    public static Draft added(Context c, long n, long dateMillis, boolean pending) {
        return build(c, new Draw(Det.hash(c.spec.seed(), -1 - n)), toStatementDay(dateMillis),
                pending ? "PENDING" : "POSTED", -1 - n);
    }

    private static Draft build(Context c, Draw d, long date, String status, long salt) {
        AccountSpec spec = c.spec;
        Kind kind = kind(spec, d);
        long cents = amount(kind, d);
        String type = spec.kind().isCredit() ? (cents >= 0 ? "DEBIT" : "CREDIT") : (cents < 0 ? "DEBIT" : "CREDIT");
        String providerId = spec.openFinance() ? hexUpper(Det.hash(spec.seed(), salt, 13)) : null;
        Participant self = c.self;
        return switch (kind) {
            case PIX_OUT, SUPPLIER_PIX, SAVINGS_OUT -> {
                Participant other = kind == Kind.SUPPLIER_PIX ? company(d, d.pick(SUPPLIERS)) : person(d);
                String desc = (kind == Kind.SAVINGS_OUT ? SAVINGS_SENT : PIX_SENT).of(other.name());
                yield new Draft(date, cents, type, desc,
                        "PIX ENVIADO " + dayMonth(date) + " " + BrazilianData.raw(other.name()),
                        kind == Kind.SUPPLIER_PIX ? "05090000" : CategoryCatalog.TRANSFER_PIX, status, "PIX01", "PIX",
                        payment(self, other, "PIX", d, null), null, null, providerId);
            }
            case PIX_IN, CUSTOMER_PIX, SAVINGS_IN -> {
                Participant other = kind == Kind.CUSTOMER_PIX && d.below(3) == 0 ? company(d, d.pick(SUPPLIERS))
                        : person(d);
                String desc = (kind == Kind.SAVINGS_IN ? SAVINGS_RECEIVED : PIX_RECEIVED).of(other.name());
                yield new Draft(date, cents, type, desc,
                        "PIX RECEBIDO " + dayMonth(date) + " " + BrazilianData.raw(other.name()),
                        kind == Kind.CUSTOMER_PIX ? "01030000" : CategoryCatalog.TRANSFER_PIX, status, "PIX02", "PIX",
                        payment(other, self, "PIX", d, null), null, null, providerId);
            }
            case CARD_DEBIT -> {
                MerchantInfo m = d.pick(MERCHANTS);
                yield new Draft(date, cents, type, DEBIT_PURCHASE.of(m.name()),
                        "COMPRA CARTAO DEB " + dayMonth(date) + " " + BrazilianData.raw(m.name()), m.categoryId(),
                        status, "DEB", "CARTAO", null, null, merchant(m), providerId);
            }
            case BOLETO -> {
                MerchantInfo b = d.pick(BILLERS);
                Participant biller = company(d, b.businessName());
                yield new Draft(date, cents, type, BOLETO_PAID.of(b.name()),
                        BOLETO_PAID_RAW.of(BrazilianData.raw(b.name())), b.categoryId(), status, "BOL", "BOLETO",
                        payment(self, biller, "BOLETO", d, boleto(d, cents)), null, null, providerId);
            }
            case SALARY -> {
                String employer = d.pick(EMPLOYERS);
                Participant payer = company(d, employer);
                yield new Draft(date, cents, type, SALARY_RECEIVED.of(employer), SALARY_RECEIVED_RAW.of(BrazilianData.raw(employer)),
                        CategoryCatalog.SALARY, status, "SAL", "FOLHA_PAGAMENTO", payment(payer, self, "TED", d, null),
                        null, null, providerId);
            }
            case TAX, DAS -> {
                String desc = d.pick(kind == Kind.DAS ? SIMPLES : TAXES);
                String category = desc.startsWith("IPVA") ? CategoryCatalog.VEHICLE_TAXES
                        : desc.startsWith("IPTU") ? "15030000" : CategoryCatalog.INCOME_TAXES;
                yield new Draft(date, cents, type, desc, TAX_PAID_RAW.of(BrazilianData.raw(desc)), category, status,
                        "TRB", "CONVENIO_ARRECADACAO", null, null, null, providerId);
            }
            case FEE -> {
                String desc = d.pick(FEES);
                yield new Draft(date, cents, type, desc, BrazilianData.raw(desc), CategoryCatalog.ACCOUNT_FEES, status,
                        "TAR", "PACOTE_TARIFA_SERVICOS", null, null, null, providerId);
            }
            case TED_OUT, PAYROLL -> {
                Participant other = kind == Kind.PAYROLL ? person(d) : company(d, d.pick(SUPPLIERS));
                String desc = (kind == Kind.PAYROLL ? SALARY_PAID : TED_SENT).of(other.name());
                yield new Draft(date, cents, type, desc, TED_SENT_RAW.of(BrazilianData.raw(other.name())),
                        CategoryCatalog.TRANSFER_TED, status, "TED01", "TED", payment(self, other, "TED", d, null), null,
                        null, providerId);
            }
            case TED_IN -> {
                Participant other = company(d, d.pick(SUPPLIERS));
                yield new Draft(date, cents, type, TED_RECEIVED.of(other.name()),
                        TED_RECEIVED_RAW.of(BrazilianData.raw(other.name())), CategoryCatalog.TRANSFER_TED, status,
                        "TED02", "TED", payment(other, self, "TED", d, null), null, null, providerId);
            }
            case CARD_BILL -> new Draft(date, cents, type, "Pagamento de fatura do cartão", "PAG FATURA CARTAO",
                    CategoryCatalog.CREDIT_CARD_PAYMENT, status, "FAT", "PAGAMENTO_FATURA", null, null, null,
                    providerId);
            case INTEREST -> new Draft(date, cents, type, "Rendimento da poupança", "REMUNERACAO BASICA",
                    "03020000", status, "REND", "RENDIMENTO_APLICACAO_FINANCEIRA", null, null, null, providerId);
            case PURCHASE -> {
                MerchantInfo m = d.pick(MERCHANTS);
                boolean installments = d.below(4) == 0;
                int total = installments ? 2 + d.below(11) : 1;
                int number = installments ? 1 + d.below(total) : 1;
                long purchase = date - (number - 1) * 30 * DAY;
                String desc = installments ? INSTALMENT[number][total].of(m.name()) : m.name();
                CreditCardMetadata meta = new CreditCardMetadata(installments ? number : null,
                        installments ? total : null, installments ? BigDecimal.valueOf(cents * total, 2) : null,
                        m.mcc(), Instant.ofEpochMilli(purchase), billId(c, date), spec.cardLastDigits());
                yield new Draft(date, cents, type, desc,
                        installments ? INSTALMENT_RAW[number][total].of(BrazilianData.raw(m.name())) : BrazilianData.raw(m.name()),
                        m.categoryId(), status, "CRD", null, null, meta, merchant(m), providerId);
            }
            case SUBSCRIPTION -> {
                MerchantInfo m = d.pick(SUBSCRIPTIONS);
                yield new Draft(date, cents, type, SUBSCRIPTION_CHARGED.of(m.name()), SUBSCRIPTION_CHARGED_RAW.of(BrazilianData.raw(m.name())),
                        m.categoryId(), status, "CRD", null, null, new CreditCardMetadata(null, null, null, m.mcc(),
                                Instant.ofEpochMilli(date), billId(c, date), spec.cardLastDigits()),
                        merchant(m), providerId);
            }
            case CARD_FEE -> {
                String desc = d.pick(CARD_FEES);
                yield new Draft(date, cents, type, desc, BrazilianData.raw(desc),
                        desc.startsWith("IOF") ? CategoryCatalog.FINANCIAL_OPERATIONS_TAX
                                : CategoryCatalog.CREDIT_CARD_FEES,
                        status, "TAR", null, null, new CreditCardMetadata(null, null, null, null, null,
                                billId(c, date), spec.cardLastDigits()),
                        null, providerId);
            }
            case REFUND -> {
                MerchantInfo m = d.pick(MERCHANTS);
                yield new Draft(date, cents, type, REFUNDED.of(m.name()), REFUNDED_RAW.of(BrazilianData.raw(m.name())),
                        m.categoryId(), status, "EST", null, null, new CreditCardMetadata(null, null, null, m.mcc(),
                                null, billId(c, date), spec.cardLastDigits()),
                        merchant(m), providerId);
            }
            case PAYMENT -> new Draft(date, cents, type, "Pagamento recebido", "PAGAMENTO RECEBIDO",
                    CategoryCatalog.CREDIT_CARD_PAYMENT, status, "PAG", null, null, new CreditCardMetadata(null, null,
                            null, null, null, billId(c, date), spec.cardLastDigits()),
                    null, providerId);
        };
    }

    /** "dd/MM" of a statement date (UTC), as the bank prints it in a raw description. */
    static String dayMonth(long date) {
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(date, DAY));
        int dom = day.getDayOfMonth();
        int month = day.getMonthValue();
        return new String(new char[] { (char) ('0' + dom / 10), (char) ('0' + dom % 10), '/',
            (char) ('0' + month / 10), (char) ('0' + month % 10) });
    }

    private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();

    /** {@code Long.toHexString(v).toUpperCase()}, without the two intermediate strings. */
    static String hexUpper(long v) {
        int digits = Math.max(1, 16 - Long.numberOfLeadingZeros(v) / 4);
        char[] out = new char[digits];
        for (int i = digits - 1; i >= 0; i--) {
            out[i] = HEX_UPPER[(int) (v & 0xf)];
            v >>>= 4;
        }
        return new String(out);
    }

    /** {@code n} in at least four digits, zero-padded (what {@code %04d} gives, without a Formatter). */
    static String pad4(int n) {
        if (n < 0 || n >= 10_000) {
            return String.valueOf(n);
        }
        return new String(new char[] { (char) ('0' + n / 1000), (char) ('0' + n / 100 % 10), (char) ('0' + n / 10 % 10),
            (char) ('0' + n % 10) });
    }

    /** {@code number + "-" + digit} for a positive number and a digit, in one array. */
    static String accountNumber(int number, int digit) {
        int length = 1;
        for (int x = number; x >= 10; x /= 10) {
            length++;
        }
        char[] out = new char[length + 2];
        for (int i = length - 1, x = number; i >= 0; i--, x /= 10) {
            out[i] = (char) ('0' + x % 10);
        }
        out[length] = '-';
        out[length + 1] = (char) ('0' + digit);
        return new String(out);
    }

    /** The bill a card transaction of that date belongs to: a 30-day period of the account. */
    private static String billId(Context c, long date) {
        long month = Math.floorDiv(date, 30 * DAY);
        // A page spans a bill or two: the last one is kept, so its id is one shared string.
        Bill last = c.lastBill;
        if (last != null && last.month() == month) {
            return last.id();
        }
        String id = Det.uuid(Det.hash(c.billSeed, month, 1), Det.hash(c.billSeed, month, 2)).toString();
        c.lastBill = new Bill(month, id);
        return id;
    }

    private static Participant selfParticipant(AccountSpec spec) {
        Draw d = new Draw(spec.seed());
        String[] bank = BANKS[d.below(BANKS.length)];
        boolean business = spec.kind() == AccountKind.BUSINESS_CHECKING;
        long n = d.next();
        return new Participant(new Document(business ? "CNPJ" : "CPF",
                business ? BrazilianData.cnpj(n) : BrazilianData.cpf(n)), null,
                accountNumber(10_000 + d.below(89_999), d.below(10)), "0001", bank[0], bank[1]);
    }

    private static Participant person(Draw d) {
        String name = FULL_NAMES[d.below(FIRST_NAMES.length)][d.below(LAST_NAMES.length)];
        String[] bank = BANKS[d.below(BANKS.length)];
        return new Participant(new Document("CPF", BrazilianData.cpf(d.next())), name,
                accountNumber(10_000 + d.below(89_999), d.below(10)), pad4(1 + d.below(3999)),
                bank[0], bank[1]);
    }

    private static Participant company(Draw d, String name) {
        String[] bank = BANKS[d.below(BANKS.length)];
        String cnpj = COMPANY_CNPJ.computeIfAbsent(name, n -> BrazilianData.cnpj(Det.hash(17, n)));
        return new Participant(new Document("CNPJ", cnpj), name,
                accountNumber(100_000 + d.below(899_999), d.below(10)), pad4(1 + d.below(3999)), bank[0],
                bank[1]);
    }

    private static PaymentData payment(Participant payer, Participant receiver, String method, Draw d,
            BoletoMetadata boleto) {
        String reference = hexUpper(d.next());
        String reason = "PIX".equals(method) && d.below(3) == 0 ? d.pick(PIX_REASONS) : null;
        return new PaymentData(payer, receiver, method, reference, reason, null, boleto);
    }

    private static BoletoMetadata boleto(Draw d, long cents) {
        char[] barcode = new char[44];
        for (int k = 0; k < 44; k++) {
            barcode[k] = (char) ('0' + d.below(10));
        }
        // AAAAA.AAAAA BBBBB.BBBBBB CCCCC.CCCCCC D EEEEEEEEEEE
        char[] line = new char[51];
        int at = 0;
        at = copy(barcode, 0, 5, line, at);
        line[at++] = '.';
        at = copy(barcode, 5, 10, line, at);
        line[at++] = ' ';
        at = copy(barcode, 10, 15, line, at);
        line[at++] = '.';
        at = copy(barcode, 15, 21, line, at);
        line[at++] = ' ';
        at = copy(barcode, 21, 26, line, at);
        line[at++] = '.';
        at = copy(barcode, 26, 32, line, at);
        line[at++] = ' ';
        line[at++] = barcode[32];
        line[at++] = ' ';
        at = copy(barcode, 33, 44, line, at);
        return new BoletoMetadata(new String(line, 0, at), new String(barcode), BigDecimal.valueOf(Math.abs(cents), 2), ZERO,
                ZERO, ZERO);
    }

    private static int copy(char[] from, int start, int end, char[] to, int at) {
        System.arraycopy(from, start, to, at, end - start);
        return at + end - start;
    }

    private static Merchant merchant(MerchantInfo m) {
        return MERCHANT_RECORDS.computeIfAbsent(m, info -> new Merchant(info.name(), info.businessName(),
                BrazilianData.cnpj(Det.hash(31, info.businessName())), info.cnae(), null));
    }
}
