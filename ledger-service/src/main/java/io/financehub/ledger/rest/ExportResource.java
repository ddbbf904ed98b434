package io.financehub.ledger.rest;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import org.jboss.resteasy.reactive.RestMulti;
import org.jboss.resteasy.reactive.RestQuery;

import io.financehub.ledger.Category;
import io.financehub.ledger.LedgerTransaction;
import io.financehub.ledger.service.ExportService;
import io.financehub.ledger.service.ExportService.Export;
import io.financehub.ledger.service.LedgerCalendar;
import io.financehub.support.Caller;
import io.financehub.support.Roles;
import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.core.buffer.Buffer;

/**
 * Any filtered transaction list (the filters and orderings of GET /transactions/) as CSV, streamed: rows are read a
 * page at a time as the client takes them, so a million rows cost the memory of one page.
 *
 * <p>Spreadsheets read it as numbers and dates: by default for a Brazilian spreadsheet ({@code locale=pt-BR}:
 * semicolons, decimal comma), or {@code locale=en} (commas, decimal point); amounts without thousands separators or
 * currency sign, dates as YYYY-MM-DD in the ledger's time zone, UTF-8 with a byte-order mark (so Excel sees the
 * accents). Text that a spreadsheet would take for a formula is quoted with a leading apostrophe.
 */
@Path("/api/banking/exports")
@RolesAllowed({ Roles.ADMIN, Roles.MEMBER })
public class ExportResource {

    private static final String BOM = "\uFEFF";
    private static final List<String> HEADER = List.of("date", "description", "amount", "currency", "type", "status",
            "account", "category", "merchant", "notes", "transfer", "pluggy_transaction_id", "id");
    private static final int ROWS_PER_CHUNK = 200;

    private final ExportService exports;
    private final LedgerCalendar calendar;
    private final Caller caller;

    ExportResource(ExportService exports, LedgerCalendar calendar, Caller caller) {
        this.exports = exports;
        this.calendar = calendar;
        this.caller = caller;
    }

    @GET
    @Path("/transactions.csv")
    @Produces("text/csv")
    public RestMulti<Buffer> transactions(@RestQuery("account_id") String accountId,
            @RestQuery("category_id") String categoryId, @RestQuery("start_date") String startDate,
            @RestQuery("end_date") String endDate, @RestQuery("min_amount") String minAmount,
            @RestQuery("max_amount") String maxAmount, @RestQuery String type, @RestQuery String status,
            @RestQuery String search, @RestQuery String ordering, @RestQuery String locale) {
        Csv csv = Csv.of(locale);
        var filter = TransactionResource.filter(calendar, accountId, categoryId, startDate, endDate, minAmount,
                maxAmount, type, status, search);
        var order = TransactionResource.ordering(ordering);
        String filename = "transactions-" + LocalDate.now(calendar.zone()) + ".csv";
        return RestMulti.fromUniResponse(exports.export(caller.companyId(), filter, order),
                export -> body(csv, export),
                export -> Map.of("Content-Type", List.of("text/csv; charset=utf-8"),
                        "Content-Disposition", List.of("attachment; filename=\"" + filename + "\"")));
    }

    private Multi<Buffer> body(Csv csv, Export export) {
        Multi<String> header = Multi.createFrom().item(BOM + csv.line(HEADER));
        Multi<String> rows = export.rows().map(t -> csv.line(row(csv, export, t)))
                .group().intoLists().of(ROWS_PER_CHUNK)
                .map(lines -> String.join("", lines));
        return Multi.createBy().concatenating().streams(header, rows)
                .map(text -> Buffer.buffer(text.getBytes(StandardCharsets.UTF_8)));
    }

    private List<String> row(Csv csv, Export export, LedgerTransaction t) {
        Category category = t.categoryId() == null ? null : export.categories().get(t.categoryId());
        return List.of(calendar.dayOf(t.date().atOffset(java.time.ZoneOffset.UTC)).toString(), csv.text(t.description()),
                csv.amount(t.amount()), csv.text(t.currencyCode()), t.type(), t.status(),
                csv.text(export.accountNames().get(t.accountId())), csv.text(category == null ? null : category.name()),
                csv.text(merchantName(t.merchantJson())), csv.text(t.notes()), t.transferId() == null ? "" : "yes",
                csv.text(t.pluggyTransactionId()), t.id().toString());
    }

    /** The merchant's name from its stored JSON, without parsing the rest. */
    private static String merchantName(String json) {
        if (json == null) {
            return null;
        }
        int key = json.indexOf("\"name\":\"");
        if (key < 0) {
            return null;
        }
        StringBuilder name = new StringBuilder();
        for (int i = key + 8; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '\\' && i + 1 < json.length()) {
                char next = json.charAt(++i);
                if (next == 'u' && i + 4 < json.length()) {
                    name.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                    i += 4;
                } else {
                    name.append(switch (next) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        case 'r' -> '\r';
                        default -> next;
                    });
                }
            } else if (c == '"') {
                break;
            } else {
                name.append(c);
            }
        }
        return name.toString();
    }

    /** One CSV dialect: its separator and decimal mark. */
    record Csv(char separator, char decimal) {

        static Csv of(String locale) {
            if (Params.blank(locale) || locale.trim().equalsIgnoreCase("pt-BR") || locale.trim().equalsIgnoreCase("pt")) {
                return new Csv(';', ',');
            }
            if (locale.trim().toLowerCase(java.util.Locale.ROOT).startsWith("en")) {
                return new Csv(',', '.');
            }
            throw new InvalidField("locale", "must be pt-BR or en");
        }

        String line(List<String> cells) {
            return String.join(String.valueOf(separator), cells.stream().map(this::quoted).toList()) + "\r\n";
        }

        String amount(BigDecimal amount) {
            String plain = amount.setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString();
            return decimal == '.' ? plain : plain.replace('.', decimal);
        }

        /** Text as a spreadsheet shows it, never as a formula. */
        String text(String value) {
            if (value == null || value.isEmpty()) {
                return "";
            }
            char first = value.charAt(0);
            return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                    ? "'" + value : value;
        }

        private String quoted(String cell) {
            if (cell.indexOf(separator) < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0
                    && cell.indexOf('\r') < 0) {
                return cell;
            }
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
    }
}
