package io.financehub.connection.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.connection.Connector;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
@WithSession
public class ConnectorRepository implements PanacheRepositoryBase<Connector, Integer> {

    /** Filters of the catalogue listing; null means any. */
    public record Filter(String type, Boolean isOpenFinance, String country, String name, Boolean sandbox) {
    }

    private static final String UPSERT = """
            INSERT INTO connectors (pluggy_id, name, institution_url, image_url, primary_color, type, country,
                has_mfa, has_oauth, is_open_finance, is_sandbox, products, credentials, health_status, health_stage,
                synced_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, now())
            ON CONFLICT (pluggy_id) DO UPDATE SET name = excluded.name, institution_url = excluded.institution_url,
                image_url = excluded.image_url, primary_color = excluded.primary_color, type = excluded.type,
                country = excluded.country, has_mfa = excluded.has_mfa, has_oauth = excluded.has_oauth,
                is_open_finance = excluded.is_open_finance, is_sandbox = excluded.is_sandbox,
                products = excluded.products, credentials = excluded.credentials,
                health_status = excluded.health_status, health_stage = excluded.health_stage, synced_at = now()
            """;

    /** The same upsert with named parameters, for Hibernate Reactive native queries. */
    private static final String UPSERT_NAMED = """
            INSERT INTO connectors (pluggy_id, name, institution_url, image_url, primary_color, type, country,
                has_mfa, has_oauth, is_open_finance, is_sandbox, products, credentials, health_status, health_stage,
                synced_at)
            VALUES (:id, :name, :institutionUrl, :imageUrl, :primaryColor, :type, :country, :hasMfa, :hasOauth,
                :openFinance, :sandbox, :products, :credentials, :healthStatus, :healthStage, now())
            """ + UPSERT.substring(UPSERT.indexOf("ON CONFLICT"));

    private final Pool pool;

    ConnectorRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<Connector>> search(Filter filter) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new java.util.HashMap<>();
        if (filter.type() != null) {
            query.append(" and type = :type");
            params.put("type", filter.type());
        }
        if (filter.isOpenFinance() != null) {
            query.append(" and isOpenFinance = :openFinance");
            params.put("openFinance", filter.isOpenFinance());
        }
        if (filter.country() != null) {
            query.append(" and country = :country");
            params.put("country", filter.country());
        }
        if (filter.name() != null) {
            query.append(" and lower(name) like :name");
            params.put("name", "%" + filter.name().toLowerCase(java.util.Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (filter.sandbox() != null) {
            query.append(" and isSandbox = :sandbox");
            params.put("sandbox", filter.sandbox());
        }
        Parameters parameters = new Parameters();
        params.forEach(parameters::and);
        return list(query.toString(), Sort.by("name").and("pluggyId"), parameters);
    }

    /**
     * Upserts the whole catalogue in one batch: a set-based write through the reactive SQL client rather than one
     * entity merge per connector.
     */
    public Uni<Integer> upsertAll(List<Tuple> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return pool.withTransaction(connection -> connection.preparedQuery(UPSERT).executeBatch(new ArrayList<>(rows)))
                .replaceWith(rows.size());
    }

    /** Upserts one connector inside the caller's transaction (the callback meets connectors not synced yet). */
    public Uni<Void> upsertOne(io.financehub.pluggy.model.Connector c, String productsJson, String credentialsJson) {
        return getSession().chain(session -> session.createNativeQuery(UPSERT_NAMED)
                .setParameter("id", c.id())
                .setParameter("name", c.name())
                .setParameter("institutionUrl", c.institutionUrl())
                .setParameter("imageUrl", c.imageUrl())
                .setParameter("primaryColor", c.primaryColor())
                .setParameter("type", c.type())
                .setParameter("country", c.country())
                .setParameter("hasMfa", c.hasMFA())
                .setParameter("hasOauth", Boolean.TRUE.equals(c.oauth()))
                .setParameter("openFinance", c.isOpenFinance())
                .setParameter("sandbox", c.isSandbox())
                .setParameter("products", productsJson)
                .setParameter("credentials", credentialsJson)
                .setParameter("healthStatus", c.health() == null ? null : c.health().status())
                .setParameter("healthStage", c.health() == null ? null : c.health().stage())
                .executeUpdate())
                .replaceWithVoid();
    }

    public static Tuple row(io.financehub.pluggy.model.Connector c, String productsJson, String credentialsJson) {
        return Tuple.tuple()
                .addInteger(c.id())
                .addString(c.name())
                .addString(c.institutionUrl())
                .addString(c.imageUrl())
                .addString(c.primaryColor())
                .addString(c.type())
                .addString(c.country())
                .addBoolean(c.hasMFA())
                .addBoolean(Boolean.TRUE.equals(c.oauth()))
                .addBoolean(c.isOpenFinance())
                .addBoolean(c.isSandbox())
                .addString(productsJson)
                .addString(credentialsJson)
                .addString(c.health() == null ? null : c.health().status())
                .addString(c.health() == null ? null : c.health().stage());
    }
}
