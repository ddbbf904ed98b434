package io.financehub.ledger.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.ledger.CategoryRule;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** A company's rules, in position order. Writes run in the caller's transaction, with the version bump. */
@ApplicationScoped
public class CategoryRuleRepository {

    private static final String COLUMNS = """
            id, position, name, description_contains, description_regex, merchant, document, account_id, min_amount,
            max_amount, transaction_type, category_id, enabled, created_at, updated_at""";

    public Uni<List<CategoryRule>> list(SqlClient client, UUID companyId) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM category_rules WHERE company_id = $1 ORDER BY position")
                .execute(Tuple.of(companyId)).map(CategoryRuleRepository::read);
    }

    public Uni<CategoryRule> find(SqlClient client, UUID companyId, UUID id) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM category_rules WHERE company_id = $1 AND id = $2")
                .execute(Tuple.of(companyId, id)).map(CategoryRuleRepository::first);
    }

    /** Inserts the rule at its position, moving the rules at and after it one down. */
    public Uni<CategoryRule> insert(SqlClient client, UUID companyId, CategoryRule rule) {
        return client.preparedQuery("UPDATE category_rules SET position = position + 1 "
                + "WHERE company_id = $1 AND position >= $2")
                .execute(Tuple.of(companyId, rule.position()))
                .flatMap(moved -> client.preparedQuery("INSERT INTO category_rules (id, company_id, position, name, "
                        + "description_contains, description_regex, merchant, document, account_id, min_amount, "
                        + "max_amount, transaction_type, category_id, enabled) VALUES (gen_random_uuid(), $1, $2, $3, "
                        + "$4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING " + COLUMNS)
                        .execute(values(companyId, rule)))
                .map(CategoryRuleRepository::first);
    }

    /** Replaces the rule's fields and moves it to its new position, shifting the rules in between. */
    public Uni<CategoryRule> update(SqlClient client, UUID companyId, CategoryRule before, CategoryRule after) {
        int from = before.position();
        int to = after.position();
        String shift = to < from
                ? "UPDATE category_rules SET position = position + 1 WHERE company_id = $1 AND position >= $2 "
                        + "AND position < $3"
                : "UPDATE category_rules SET position = position - 1 WHERE company_id = $1 AND position > $3 "
                        + "AND position <= $2";
        return client.preparedQuery(shift).execute(Tuple.of(companyId, to, from))
                .flatMap(moved -> client.preparedQuery("UPDATE category_rules SET position = $2, name = $3, "
                        + "description_contains = $4, description_regex = $5, merchant = $6, document = $7, "
                        + "account_id = $8, min_amount = $9, max_amount = $10, transaction_type = $11, "
                        + "category_id = $12, enabled = $13, updated_at = now() WHERE company_id = $1 AND id = $14 "
                        + "RETURNING " + COLUMNS)
                        .execute(values(companyId, after).addValue(before.id())))
                .map(CategoryRuleRepository::first);
    }

    /** Deletes the rule and closes the gap it leaves. */
    public Uni<Boolean> delete(SqlClient client, UUID companyId, CategoryRule rule) {
        return client.preparedQuery("DELETE FROM category_rules WHERE company_id = $1 AND id = $2")
                .execute(Tuple.of(companyId, rule.id()))
                .flatMap(deleted -> client.preparedQuery("UPDATE category_rules SET position = position - 1 "
                        + "WHERE company_id = $1 AND position > $2").execute(Tuple.of(companyId, rule.position()))
                        .map(moved -> deleted.rowCount() > 0));
    }

    public Uni<Integer> count(SqlClient client, UUID companyId) {
        return client.preparedQuery("SELECT count(*) FROM category_rules WHERE company_id = $1")
                .execute(Tuple.of(companyId)).map(rows -> rows.iterator().next().getInteger(0));
    }

    /** Whether the account is the company's, for a rule that names it. */
    public Uni<Boolean> accountOfCompany(SqlClient client, UUID companyId, UUID accountId) {
        return client.preparedQuery("SELECT 1 FROM accounts WHERE id = $1 AND company_id = $2")
                .execute(Tuple.of(accountId, companyId)).map(rows -> rows.size() > 0);
    }

    /** Whether the regular expression is one PostgreSQL accepts; null if so, else its complaint. */
    public Uni<String> regexProblem(SqlClient client, String regex) {
        return client.preparedQuery("SELECT '' ~* $1").execute(Tuple.of(regex)).map(rows -> (String) null)
                .onFailure(io.vertx.pgclient.PgException.class)
                .recoverWithItem(f -> ((io.vertx.pgclient.PgException) f).getErrorMessage());
    }

    private static Tuple values(UUID companyId, CategoryRule r) {
        return Tuple.of(companyId, r.position(), r.name(), r.descriptionContains(), r.descriptionRegex())
                .addValue(r.merchant()).addValue(r.document()).addValue(r.accountId()).addValue(r.minAmount())
                .addValue(r.maxAmount()).addValue(r.transactionType()).addValue(r.categoryId())
                .addValue(r.enabled());
    }

    private static CategoryRule first(RowSet<Row> rows) {
        List<CategoryRule> all = read(rows);
        return all.isEmpty() ? null : all.get(0);
    }

    private static List<CategoryRule> read(RowSet<Row> rows) {
        List<CategoryRule> result = new ArrayList<>(rows.size());
        for (Row r : rows) {
            result.add(new CategoryRule(r.getUUID("id"), r.getInteger("position"), r.getString("name"),
                    r.getString("description_contains"), r.getString("description_regex"), r.getString("merchant"),
                    r.getString("document"), r.getUUID("account_id"), r.getBigDecimal("min_amount"),
                    r.getBigDecimal("max_amount"), r.getString("transaction_type"), r.getUUID("category_id"),
                    r.getBoolean("enabled"), CategoryRepository.instant(r, "created_at"),
                    CategoryRepository.instant(r, "updated_at")));
        }
        return result;
    }
}
