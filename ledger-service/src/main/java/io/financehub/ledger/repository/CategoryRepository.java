package io.financehub.ledger.repository;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.ledger.Category;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Categories, mappings and what uses them. The reactive SQL client rather than Panache, as for the rest of the
 * ledger's writes: a category change moves transactions and rules in the same transaction, and the rollups are kept
 * by triggers on those statements. Every method runs on the caller's client (pool or transaction).
 */
@ApplicationScoped
public class CategoryRepository {

    private static final String COLUMNS = """
            id, company_id, pluggy_category_id, name, pluggy_description, type, parent_id, icon, color, created_at,
            updated_at""";

    /** Another company's category is invisible: every read is scoped to Pluggy's and the company's own. */
    private static final String VISIBLE = "(company_id IS NULL OR company_id = $1)";

    private static final String USAGE = """
            SELECT (SELECT count(*) FROM transactions WHERE company_id = $1 AND category_id = $2) AS transactions,
                   (SELECT count(*) FROM category_rules WHERE company_id = $1 AND category_id = $2) AS rules,
                   (SELECT count(*) FROM category_mappings WHERE company_id = $1 AND category_id = $2) AS mappings,
                   (SELECT count(*) FROM categories WHERE company_id = $1 AND parent_id = $2) AS children
            """;

    private static final String MAPPINGS = """
            SELECT m.pluggy_category_id, p.name AS pluggy_category_name, m.category_id, m.updated_at
            FROM category_mappings m LEFT JOIN categories p ON p.pluggy_category_id = m.pluggy_category_id
            WHERE m.company_id = $1 ORDER BY m.pluggy_category_id
            """;

    /** Pluggy categories the ledger has not seen yet, added under their parent (the id with its last six digits 0). */
    private static final String ADD_PLUGGY_CATEGORIES = """
            INSERT INTO categories (id, pluggy_category_id, name, pluggy_description, parent_id, type)
            SELECT pluggy_category_uuid(u.id), u.id, coalesce(u.description, u.id), u.description, p.id,
                   coalesce(p.type, 'expense')
            FROM unnest($1::text[], $2::text[]) AS u(id, description)
            LEFT JOIN categories p ON p.pluggy_category_id = left(u.id, 2) || '000000' AND p.pluggy_category_id <> u.id
            ON CONFLICT (pluggy_category_id) DO NOTHING
            """;

    private static final String BUMP = """
            INSERT INTO category_rule_sets AS s (company_id, version) VALUES ($1, 1)
            ON CONFLICT (company_id) DO UPDATE SET version = s.version + 1
            """;

    public Uni<List<Category>> list(SqlClient client, UUID companyId, String type) {
        String sql = "SELECT " + COLUMNS + " FROM categories WHERE " + VISIBLE
                + (type == null ? "" : " AND type = $2")
                + " ORDER BY company_id NULLS FIRST, coalesce(pluggy_category_id, ''), name";
        Tuple params = type == null ? Tuple.of(companyId) : Tuple.of(companyId, type);
        return client.preparedQuery(sql).execute(params).map(CategoryRepository::read);
    }

    /** The category if the company can see it (Pluggy's or its own), else null. */
    public Uni<Category> find(SqlClient client, UUID companyId, UUID id) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM categories WHERE id = $2 AND " + VISIBLE)
                .execute(Tuple.of(companyId, id)).map(CategoryRepository::first);
    }

    /** One of Pluggy's categories by its Pluggy id, or null. */
    public Uni<Category> findPluggy(SqlClient client, String pluggyCategoryId) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM categories WHERE pluggy_category_id = $1")
                .execute(Tuple.of(pluggyCategoryId)).map(CategoryRepository::first);
    }

    public Uni<Category> insert(SqlClient client, UUID companyId, String name, String type, UUID parentId, String icon,
            String color) {
        return client.preparedQuery("INSERT INTO categories (id, company_id, name, type, parent_id, icon, color) "
                + "VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6) RETURNING " + COLUMNS)
                .execute(Tuple.of(companyId, name, type, parentId, icon).addValue(color))
                .map(CategoryRepository::first);
    }

    public Uni<Category> update(SqlClient client, UUID companyId, UUID id, String name, String type, UUID parentId,
            String icon, String color) {
        return client.preparedQuery("UPDATE categories SET name = $3, type = $4, parent_id = $5, icon = $6, "
                + "color = $7, updated_at = now() WHERE id = $2 AND company_id = $1 RETURNING " + COLUMNS)
                .execute(Tuple.of(companyId, id, name, type, parentId).addValue(icon).addValue(color))
                .map(CategoryRepository::first);
    }

    public Uni<Usage> usage(SqlClient client, UUID companyId, UUID id) {
        return client.preparedQuery(USAGE).execute(Tuple.of(companyId, id)).map(rows -> {
            Row row = rows.iterator().next();
            return new Usage(row.getLong("transactions"), row.getLong("rules"), row.getLong("mappings"),
                    row.getLong("children"));
        });
    }

    /**
     * Moves everything that uses the category to {@code target} (null: transactions become uncategorised, rules
     * and mappings that pointed to it are dropped), then deletes it. Sub-categories move to its parent.
     */
    public Uni<Void> delete(SqlClient client, UUID companyId, UUID id, UUID target, UUID parentOfDeleted) {
        Tuple params = Tuple.of(companyId, id, target, parentOfDeleted);
        return client.preparedQuery("""
                UPDATE transactions SET category_id = $3,
                    category_source = CASE WHEN $3::uuid IS NULL AND category_source <> 'user' THEN NULL
                                           ELSE category_source END,
                    updated_at = now()
                WHERE company_id = $1 AND category_id = $2""")
                .execute(Tuple.of(companyId, id, target))
                .flatMap(r -> client.preparedQuery("""
                        WITH moved AS (
                            UPDATE category_rules SET category_id = $3, updated_at = now()
                            WHERE company_id = $1 AND category_id = $2 AND $3::uuid IS NOT NULL
                        ), dropped AS (
                            DELETE FROM category_rules WHERE company_id = $1 AND category_id = $2 AND $3::uuid IS NULL
                        ), remapped AS (
                            UPDATE category_mappings SET category_id = $3, updated_at = now()
                            WHERE company_id = $1 AND category_id = $2 AND $3::uuid IS NOT NULL
                        ), children AS (
                            UPDATE categories SET parent_id = $4 WHERE company_id = $1 AND parent_id = $2
                        )
                        DELETE FROM category_mappings WHERE company_id = $1 AND category_id = $2 AND $3::uuid IS NULL""")
                        .execute(params))
                .flatMap(r -> client.preparedQuery("DELETE FROM categories WHERE id = $2 AND company_id = $1")
                        .execute(Tuple.of(companyId, id)))
                .replaceWithVoid();
    }

    public Uni<List<Mapping>> mappings(SqlClient client, UUID companyId) {
        return client.preparedQuery(MAPPINGS).execute(Tuple.of(companyId)).map(rows -> {
            List<Mapping> result = new ArrayList<>(rows.size());
            for (Row row : rows) {
                result.add(new Mapping(row.getString("pluggy_category_id"), row.getString("pluggy_category_name"),
                        row.getUUID("category_id"), instant(row, "updated_at")));
            }
            return result;
        });
    }

    public Uni<Void> putMapping(SqlClient client, UUID companyId, String pluggyCategoryId, UUID categoryId) {
        return client.preparedQuery("""
                INSERT INTO category_mappings AS m (company_id, pluggy_category_id, category_id) VALUES ($1, $2, $3)
                ON CONFLICT (company_id, pluggy_category_id)
                    DO UPDATE SET category_id = EXCLUDED.category_id, updated_at = now()""")
                .execute(Tuple.of(companyId, pluggyCategoryId, categoryId)).replaceWithVoid();
    }

    public Uni<Boolean> deleteMapping(SqlClient client, UUID companyId, String pluggyCategoryId) {
        return client.preparedQuery("DELETE FROM category_mappings WHERE company_id = $1 AND pluggy_category_id = $2")
                .execute(Tuple.of(companyId, pluggyCategoryId)).map(rows -> rows.rowCount() > 0);
    }

    /** A new version of the company's rules and mappings: every ingest instance recompiles them. */
    public Uni<Void> bumpRulesVersion(SqlClient client, UUID companyId) {
        return client.preparedQuery(BUMP).execute(Tuple.of(companyId)).replaceWithVoid();
    }

    public Uni<Void> addPluggyCategories(SqlClient client, String[] ids, String[] descriptions) {
        return client.preparedQuery(ADD_PLUGGY_CATEGORIES).execute(Tuple.of(ids, descriptions)).replaceWithVoid();
    }

    /** Pluggy's category ids the ledger holds. */
    public Uni<List<String>> pluggyIds(SqlClient client) {
        return client.query("SELECT pluggy_category_id FROM categories WHERE pluggy_category_id IS NOT NULL")
                .execute().map(rows -> {
                    List<String> ids = new ArrayList<>(rows.size());
                    rows.forEach(row -> ids.add(row.getString(0)));
                    return ids;
                });
    }

    private static Category first(RowSet<Row> rows) {
        List<Category> all = read(rows);
        return all.isEmpty() ? null : all.get(0);
    }

    private static List<Category> read(RowSet<Row> rows) {
        List<Category> result = new ArrayList<>(rows.size());
        for (Row r : rows) {
            result.add(new Category(r.getUUID("id"), r.getUUID("company_id"), r.getString("pluggy_category_id"),
                    r.getString("name"), r.getString("pluggy_description"), r.getString("type"),
                    r.getUUID("parent_id"), r.getString("icon"), r.getString("color"), instant(r, "created_at"),
                    instant(r, "updated_at")));
        }
        return result;
    }

    static java.time.Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    public record Usage(long transactions, long rules, long mappings, long children) {

        public boolean used() {
            return transactions + rules + mappings > 0;
        }
    }

    public record Mapping(String pluggyCategoryId, String pluggyCategoryName, UUID categoryId,
            java.time.Instant updatedAt) {
    }
}
