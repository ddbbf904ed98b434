package io.financehub.ledger.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.financehub.ledger.LedgerTransaction;
import io.financehub.ledger.SearchText;
import io.financehub.ledger.service.CategoryService;
import io.financehub.ledger.service.LedgerCalendar;
import io.financehub.ledger.service.Ordering;
import io.financehub.ledger.service.PageKey;
import io.financehub.ledger.service.TransactionFilter;
import io.financehub.ledger.service.TransactionService;
import io.financehub.support.Caller;
import io.financehub.support.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/banking/transactions")
@RolesAllowed({ Roles.ADMIN, Roles.MEMBER })
public class TransactionResource {

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 200;
    static final int MAX_NOTES = 2_000;
    static final int MIN_SEARCH = 3;
    static final int MAX_SEARCH = 100;
    private static final Set<String> TYPES = Set.of("DEBIT", "CREDIT");
    private static final Set<String> STATUSES = Set.of("PENDING", "POSTED");

    private final TransactionService transactions;
    private final CategoryService categories;
    private final LedgerCalendar calendar;
    private final Caller caller;

    TransactionResource(TransactionService transactions, CategoryService categories, LedgerCalendar calendar,
            Caller caller) {
        this.transactions = transactions;
        this.categories = categories;
        this.calendar = calendar;
        this.caller = caller;
    }

    /**
     * The company's transactions, filtered, in {@code ordering} (-date by default; date, amount, -amount), a keyset
     * page at a time: pass {@code next_cursor} back as {@code cursor} until it is null. {@code count=true} adds the
     * number of rows that match the filters. Dates are days in the ledger's time zone, both ends included.
     */
    @GET
    public Uni<TransactionPage> list(@RestQuery("account_id") String accountId,
            @RestQuery("category_id") String categoryId, @RestQuery("start_date") String startDate,
            @RestQuery("end_date") String endDate, @RestQuery("min_amount") String minAmount,
            @RestQuery("max_amount") String maxAmount, @RestQuery String type, @RestQuery String status,
            @RestQuery String search, @RestQuery String ordering, @RestQuery("page_size") String pageSize,
            @RestQuery String cursor, @RestQuery String count) {
        TransactionFilter filter = filter(calendar, accountId, categoryId, startDate, endDate, minAmount, maxAmount,
                type, status, search);
        Ordering order = ordering(ordering);
        int size = Params.intBetween("page_size", pageSize, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
        PageKey after = Cursors.decode(cursor, order);
        boolean withCount = Boolean.TRUE.equals(Params.bool("count", count));
        UUID company = caller.companyId();

        Uni<Long> total = withCount ? transactions.count(company, filter) : Uni.createFrom().nullItem();
        return transactions.page(company, filter, order, after, size)
                .flatMap(page -> total.map(n -> new TransactionPage(
                        page.rows().stream().map(TransactionView::of).toList(),
                        page.hasMore() ? Cursors.after(page.rows().get(page.rows().size() - 1), order) : null,
                        n)));
    }

    /** One transaction, with its transfer's other side and the earlier Pluggy ids the ledger merged into it. */
    @GET
    @Path("/{id}")
    public Uni<TransactionDetailView> get(@RestPath String id) {
        return transactions.detail(caller.companyId(), Params.uuid("id", id)).map(TransactionDetailView::of);
    }

    /**
     * Pairs the transaction with {@code counterpart_id} as a transfer between two of the company's accounts: both
     * are then left out of income and expenses.
     */
    @POST
    @Path("/{id}/transfer")
    public Uni<List<TransactionView>> pair(@RestPath String id, TransferRequest body) {
        UUID transactionId = Params.uuid("id", id);
        UUID counterpart = body == null ? null : Params.uuid("counterpart_id", body.counterpartId());
        if (counterpart == null) {
            throw new InvalidField("counterpart_id", "is required");
        }
        return transactions.pair(caller.companyId(), transactionId, counterpart)
                .map(rows -> rows.stream().map(TransactionView::of).toList());
    }

    /** Undoes the transfer; its two sides count as income and expense again and are never paired by themselves. */
    @DELETE
    @Path("/{id}/transfer")
    public Uni<List<TransactionView>> unpair(@RestPath String id) {
        return transactions.unpair(caller.companyId(), Params.uuid("id", id))
                .map(rows -> rows.stream().map(TransactionView::of).toList());
    }

    /** Sets {@code notes} and/or {@code category} (a category id; null clears). A later sync keeps both. */
    @PATCH
    @Path("/{id}")
    public Uni<TransactionView> edit(@RestPath String id, JsonNode body) {
        UUID transactionId = Params.uuid("id", id);
        if (!(body instanceof ObjectNode fields)) {
            throw new InvalidField("body", "must be a JSON object");
        }
        boolean setNotes = fields.has("notes");
        String notes = setNotes ? text(fields.get("notes"), "notes") : null;
        if (notes != null && notes.length() > MAX_NOTES) {
            throw new InvalidField("notes", "must be at most " + MAX_NOTES + " characters");
        }
        String categoryField = fields.has("category") ? "category" : "category_id";
        boolean setCategory = fields.has(categoryField);
        UUID category = setCategory ? Params.uuid(categoryField, text(fields.get(categoryField), categoryField)) : null;
        if (!setNotes && !setCategory) {
            throw new InvalidField("body", "give notes and/or category");
        }
        UUID company = caller.companyId();
        Uni<?> usable = category == null ? Uni.createFrom().nullItem()
                : categories.requireUsable(company, category, categoryField);
        return usable.flatMap(c -> transactions.edit(company, transactionId, setNotes, notes, setCategory, category))
                .map(TransactionView::of);
    }

    /** Puts every listed transaction in the category, or none: any unknown or foreign id fails the call (404). */
    @POST
    @Path("/bulk-categorize")
    public Uni<BulkResult> categorize(BulkCategorize body) {
        if (body == null || body.transactionIds() == null || body.transactionIds().isEmpty()) {
            throw new InvalidField("transaction_ids", "must list at least one id");
        }
        if (body.transactionIds().size() > TransactionService.MAX_BULK) {
            throw new InvalidField("transaction_ids", "must list at most " + TransactionService.MAX_BULK + " ids");
        }
        List<UUID> ids = new ArrayList<>(body.transactionIds().size());
        for (int i = 0; i < body.transactionIds().size(); i++) {
            UUID parsed = Params.uuid("transaction_ids[" + i + "]", body.transactionIds().get(i));
            if (parsed == null) {
                throw new InvalidField("transaction_ids[" + i + "]", "must be an id (UUID)");
            }
            ids.add(parsed);
        }
        UUID category = Params.uuid("category_id", body.categoryId());
        if (category == null) {
            throw new InvalidField("category_id", "is required");
        }
        UUID company = caller.companyId();
        return categories.requireUsable(company, category, "category_id")
                .flatMap(c -> transactions.categorize(company, ids, category))
                .map(updated -> new BulkResult(updated, category));
    }

    /** The filters of the list (and of its export), validated: 400 naming the field otherwise. */
    static TransactionFilter filter(LedgerCalendar calendar, String accountId, String categoryId, String startDate,
            String endDate, String minAmount, String maxAmount, String type, String status, String search) {
        LocalDate start = Params.date("start_date", startDate);
        LocalDate end = Params.date("end_date", endDate);
        if (start != null && end != null && end.isBefore(start)) {
            throw new InvalidField("end_date", "must not be before start_date");
        }
        BigDecimal min = Params.amount("min_amount", minAmount);
        BigDecimal max = Params.amount("max_amount", maxAmount);
        if (min != null && max != null && max.compareTo(min) < 0) {
            throw new InvalidField("max_amount", "must not be less than min_amount");
        }
        return new TransactionFilter(Params.uuid("account_id", accountId), Params.uuid("category_id", categoryId),
                start == null ? null : calendar.startOf(start), end == null ? null : calendar.startOf(end.plusDays(1)),
                min, max, Params.oneOf("type", type, TYPES), Params.oneOf("status", status, STATUSES),
                searchTerm(search));
    }

    static Ordering ordering(String ordering) {
        return Params.blank(ordering) ? Ordering.DEFAULT
                : Ordering.of(ordering.trim()).orElseThrow(
                        () -> new InvalidField("ordering", "must be one of -date, date, -amount, amount"));
    }

    private static String searchTerm(String search) {
        if (Params.blank(search)) {
            return null;
        }
        String folded = SearchText.fold(search);
        if (folded.length() < MIN_SEARCH || folded.length() > MAX_SEARCH) {
            throw new InvalidField("search", "must have " + MIN_SEARCH + " to " + MAX_SEARCH + " characters");
        }
        return folded;
    }

    private static String text(JsonNode value, String field) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidField(field, "must be a string or null");
        }
        return value.asText();
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TransactionPage(List<TransactionView> results,
            @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long count) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record BulkCategorize(List<String> transactionIds, String categoryId) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record BulkResult(int updated, UUID categoryId) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TransferRequest(String counterpartId) {
    }
}
