package io.financehub.ledger.rest;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.financehub.ledger.CategoryRule;
import io.financehub.ledger.repository.TransactionRows;
import io.financehub.ledger.service.RuleService;
import io.financehub.support.Caller;
import io.financehub.support.Roles;
import io.smallrye.mutiny.Uni;

/**
 * Categorisation rules, applied in {@code position} order (first match wins) to every transaction a sync brings,
 * and to the history on demand: {@code POST /rules/apply/ {"preview": true}} counts what would change. A user's own
 * choice of category always wins over a rule, a rule over the company's mapping, a mapping over Pluggy's category.
 */
@Path("/api/banking/rules")
@RolesAllowed({ Roles.ADMIN, Roles.MEMBER })
public class RuleResource {

    private static final Set<String> TYPES = Set.of("DEBIT", "CREDIT");

    private final RuleService rules;
    private final Caller caller;

    RuleResource(RuleService rules, Caller caller) {
        this.rules = rules;
        this.caller = caller;
    }

    @GET
    public Uni<List<RuleView>> list() {
        return rules.list(caller.companyId()).map(list -> list.stream().map(RuleView::of).toList());
    }

    @GET
    @Path("/{id}")
    public Uni<RuleView> get(@RestPath String id) {
        return rules.get(caller.companyId(), Params.uuid("id", id)).map(RuleView::of);
    }

    /**
     * {@code {name, description_contains, description_regex, merchant, document, account_id, min_amount, max_amount,
     * transaction_type, category_id, position, enabled}}: category_id and at least one condition are required;
     * without position the rule goes last.
     */
    @POST
    public Uni<Response> create(JsonNode body) {
        ObjectNode f = Bodies.object(body);
        UUID category = Bodies.uuid(f, "category_id");
        if (category == null) {
            throw new InvalidField("category_id", "is required");
        }
        Integer position = Bodies.integer(f, "position");
        Boolean enabled = Bodies.bool(f, "enabled");
        CategoryRule draft = new CategoryRule(null, position == null ? 0 : positive(position), Bodies.text(f, "name", 80),
                Bodies.text(f, "description_contains", 100), Bodies.text(f, "description_regex", 200),
                Bodies.text(f, "merchant", 100), document(f), Bodies.uuid(f, "account_id"),
                Bodies.amount(f, "min_amount"), Bodies.amount(f, "max_amount"),
                Bodies.oneOf(f, "transaction_type", TYPES), category, enabled == null || enabled, null, null);
        return rules.create(caller.companyId(), draft)
                .map(created -> Response.created(URI.create("/api/banking/rules/" + created.id() + "/"))
                        .entity(RuleView.of(created)).build());
    }

    /** Changes the fields given (null clears a condition); a new position moves the rules in between. */
    @PATCH
    @Path("/{id}")
    public Uni<RuleView> update(@RestPath String id, JsonNode body) {
        UUID ruleId = Params.uuid("id", id);
        ObjectNode f = Bodies.object(body);
        Integer position = f.has("position") ? Bodies.integer(f, "position") : null;
        Boolean enabled = Bodies.bool(f, "enabled");
        UUID category = Bodies.uuid(f, "category_id");
        if (f.has("category_id") && category == null) {
            throw new InvalidField("category_id", "cannot be cleared");
        }
        String name = Bodies.text(f, "name", 80);
        String contains = Bodies.text(f, "description_contains", 100);
        String regex = Bodies.text(f, "description_regex", 200);
        String merchant = Bodies.text(f, "merchant", 100);
        String document = document(f);
        UUID account = Bodies.uuid(f, "account_id");
        BigDecimal min = Bodies.amount(f, "min_amount");
        BigDecimal max = Bodies.amount(f, "max_amount");
        String type = Bodies.oneOf(f, "transaction_type", TYPES);
        return rules.update(caller.companyId(), ruleId, r -> new CategoryRule(r.id(),
                position != null ? positive(position) : r.position(), f.has("name") ? name : r.name(),
                f.has("description_contains") ? contains : r.descriptionContains(),
                f.has("description_regex") ? regex : r.descriptionRegex(), f.has("merchant") ? merchant : r.merchant(),
                f.has("document") ? document : r.document(), f.has("account_id") ? account : r.accountId(),
                f.has("min_amount") ? min : r.minAmount(), f.has("max_amount") ? max : r.maxAmount(),
                f.has("transaction_type") ? type : r.transactionType(), category != null ? category : r.categoryId(),
                enabled != null ? enabled : r.enabled(), r.createdAt(), r.updatedAt()))
                .map(RuleView::of);
    }

    @DELETE
    @Path("/{id}")
    public Uni<Response> delete(@RestPath String id) {
        return rules.delete(caller.companyId(), Params.uuid("id", id)).map(v -> Response.noContent().build());
    }

    /**
     * Re-applies the rules and mappings to every transaction of the company whose category the user did not choose.
     * {@code {"preview": true}} only counts the transactions that would change.
     */
    @POST
    @Path("/apply")
    public Uni<ApplyResult> apply(JsonNode body) {
        Boolean preview = body == null || body.isNull() ? null : Bodies.bool(Bodies.object(body), "preview");
        UUID company = caller.companyId();
        return Boolean.TRUE.equals(preview)
                ? rules.preview(company).map(n -> new ApplyResult(true, n))
                : rules.apply(company).map(n -> new ApplyResult(false, n));
    }

    private static int positive(int position) {
        if (position < 1) {
            throw new InvalidField("position", "must be 1 or more");
        }
        return position;
    }

    private static String document(ObjectNode f) {
        String text = Bodies.text(f, "document", 32);
        if (text == null) {
            return null;
        }
        String digits = TransactionRows.digits(text);
        if (digits == null || (digits.length() != 11 && digits.length() != 14)) {
            throw new InvalidField("document", "must be a CPF (11 digits) or a CNPJ (14 digits)");
        }
        return digits;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RuleView(UUID id, int position, String name, String descriptionContains, String descriptionRegex,
            String merchant, String document, UUID accountId, BigDecimal minAmount, BigDecimal maxAmount,
            String transactionType, UUID categoryId, boolean enabled, Instant createdAt, Instant updatedAt) {

        static RuleView of(CategoryRule r) {
            return new RuleView(r.id(), r.position(), r.name(), r.descriptionContains(), r.descriptionRegex(),
                    r.merchant(), r.document(), r.accountId(), r.minAmount(), r.maxAmount(), r.transactionType(),
                    r.categoryId(), r.enabled(), r.createdAt(), r.updatedAt());
        }
    }

    /** @param transactions how many changed, or with preview how many would */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ApplyResult(boolean preview, long transactions) {
    }
}
