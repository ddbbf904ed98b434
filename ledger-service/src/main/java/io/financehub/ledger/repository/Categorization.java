package io.financehub.ledger.repository;

import java.util.ArrayList;
import java.util.List;

import io.financehub.ledger.CategoryRule;
import io.financehub.ledger.SearchText;

/**
 * How a transaction's category is decided, as SQL: the first matching rule, else the company's mapping of its Pluggy
 * category, else that Pluggy category. The ingest's upsert and the re-application of rules to history use this same
 * text over a row alias {@code r} (with the columns of transactions), so there is one definition of a match.
 *
 * <p>The rules become one {@code CASE} naming the matching rule's id; every value is a bind parameter.
 */
public final class Categorization {

    /** The category, its source and its rule, over the joins of {@link #joins}. */
    public static final String CATEGORY = "coalesce(cr.category_id, cm.category_id, pc.id)";
    public static final String SOURCE = "CASE WHEN cr.id IS NOT NULL THEN 'rule' WHEN cm.category_id IS NOT NULL "
            + "THEN 'mapping' WHEN pc.id IS NOT NULL THEN 'pluggy' END";
    public static final String RULE = "cr.id";

    public static final Categorization NO_RULES = new Categorization(List.of());

    private final List<CategoryRule> rules;

    private Categorization(List<CategoryRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The enabled rules, in position order. */
    public static Categorization of(List<CategoryRule> rules) {
        List<CategoryRule> enabled = rules.stream().filter(CategoryRule::enabled)
                .sorted(java.util.Comparator.comparingInt(CategoryRule::position)).toList();
        return enabled.isEmpty() ? NO_RULES : new Categorization(enabled);
    }

    public boolean hasRules() {
        return !rules.isEmpty();
    }

    /**
     * The joins that resolve {@link #CATEGORY}, {@link #SOURCE} and {@link #RULE} for the rows {@code r}; their
     * parameters are numbered from {@code firstParameter} and appended to {@code params}.
     */
    public String joins(int firstParameter, List<Object> params) {
        StringBuilder sql = new StringBuilder();
        StringBuilder whens = new StringBuilder();
        int n = firstParameter;
        for (CategoryRule rule : rules) {
            List<String> conditions = new ArrayList<>();
            n = condition(conditions, params, n, "r.search_text LIKE $%d",
                    rule.descriptionContains() == null ? null : SearchText.containsPattern(rule.descriptionContains()));
            n = condition(conditions, params, n, "r.description ~* $%d", rule.descriptionRegex());
            n = condition(conditions, params, n, "r.merchant_key = $%d",
                    rule.merchant() == null ? null : SearchText.fold(rule.merchant()));
            n = condition(conditions, params, n, "r.document_key = $%d", rule.document());
            n = condition(conditions, params, n, "r.account_id = $%d::uuid", rule.accountId());
            n = condition(conditions, params, n, "abs(r.amount) >= $%d::numeric", rule.minAmount());
            n = condition(conditions, params, n, "abs(r.amount) <= $%d::numeric", rule.maxAmount());
            n = condition(conditions, params, n, "r.type = $%d", rule.transactionType());
            if (conditions.isEmpty()) {
                continue;
            }
            params.add(rule.id());
            whens.append(" WHEN ").append(String.join(" AND ", conditions)).append(" THEN $").append(n++)
                    .append("::uuid");
        }
        sql.append(whens.isEmpty() ? " LEFT JOIN category_rules cr ON false"
                : " LEFT JOIN category_rules cr ON cr.id = CASE" + whens + " END");
        sql.append(" LEFT JOIN category_mappings cm ON cm.company_id = r.company_id"
                + " AND cm.pluggy_category_id = r.pluggy_category_id")
                .append(" LEFT JOIN categories pc ON pc.pluggy_category_id = r.pluggy_category_id");
        return sql.toString();
    }

    private static int condition(List<String> conditions, List<Object> params, int n, String test, Object value) {
        if (value == null) {
            return n;
        }
        params.add(value);
        conditions.add(test.formatted(n));
        return n + 1;
    }
}
