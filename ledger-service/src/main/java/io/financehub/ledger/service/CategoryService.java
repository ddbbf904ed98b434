package io.financehub.ledger.service;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.ledger.Category;
import io.financehub.ledger.repository.CategoryRepository;
import io.financehub.ledger.repository.CategoryRepository.Mapping;
import io.financehub.ledger.repository.CategoryRepository.Usage;
import io.financehub.ledger.repository.RollupRepository;
import io.financehub.ledger.rest.InvalidField;
import io.financehub.support.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.pgclient.PgException;

/**
 * Categories: Pluggy's tree, read-only, and the company's own; the company's mapping of Pluggy's categories to its
 * own. A category's type decides whether its transactions count as income and expenses or as transfers, so changing
 * it rebuilds the company's rollups.
 */
@ApplicationScoped
public class CategoryService {

    private final Pool pool;
    private final CategoryRepository categories;
    private final RollupRepository rollups;

    CategoryService(Pool pool, CategoryRepository categories, RollupRepository rollups) {
        this.pool = pool;
        this.categories = categories;
        this.rollups = rollups;
    }

    public Uni<List<Category>> list(UUID companyId, String type) {
        return categories.list(pool, companyId, type);
    }

    public Uni<Category> get(UUID companyId, UUID id) {
        return categories.find(pool, companyId, id).onItem().ifNull().failWith(() -> ProblemException.notFound("Category"));
    }

    /** Fails with a 400 on {@code field} unless the company can use the category (Pluggy's or its own). */
    public Uni<Category> requireUsable(UUID companyId, UUID id, String field) {
        return categories.find(pool, companyId, id)
                .onItem().ifNull().failWith(() -> new InvalidField(field, "is not a category of this company"));
    }

    public Uni<Category> create(UUID companyId, Draft draft) {
        return pool.withTransaction(conn -> parent(conn, companyId, draft.parentId(), null)
                .flatMap(parent -> categories.insert(conn, companyId, draft.name(), draft.type(), draft.parentId(),
                        draft.icon(), draft.color())))
                .onFailure(CategoryService::duplicateName).transform(CategoryService::nameTaken);
    }

    /** Changes the company's category: {@code change} turns its current fields into the new ones. */
    public Uni<Category> update(UUID companyId, UUID id, Function<Draft, Draft> change) {
        return pool.withTransaction(conn -> categories.find(conn, companyId, id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Category"))
                .invoke(CategoryService::requireOwn)
                .flatMap(before -> {
                    Draft draft = change.apply(new Draft(before.name(), before.type(), before.parentId(),
                            before.icon(), before.color()));
                    return parent(conn, companyId, draft.parentId(), id)
                            .flatMap(parent -> categories.update(conn, companyId, id, draft.name(), draft.type(),
                                    draft.parentId(), draft.icon(), draft.color()))
                            .flatMap(after -> before.type().equals(after.type()) ? Uni.createFrom().item(after)
                                    : rollups.rebuild(conn, companyId).replaceWith(after));
                }))
                .onFailure(CategoryService::duplicateName).transform(CategoryService::nameTaken);
    }

    /**
     * Deletes the company's category. If transactions, rules or mappings use it, {@code reassignTo} must say where
     * they go: a category id, or "none" (transactions uncategorised, rules and mappings dropped); otherwise 409 with
     * the counts.
     */
    public Uni<Void> delete(UUID companyId, UUID id, String reassignTo) {
        return pool.withTransaction(conn -> categories.find(conn, companyId, id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Category"))
                .invoke(CategoryService::requireOwn)
                .flatMap(category -> categories.usage(conn, companyId, id).flatMap(usage -> {
                    if (reassignTo == null && usage.used()) {
                        throw inUse(usage);
                    }
                    if (reassignTo == null || "none".equals(reassignTo)) {
                        return categories.delete(conn, companyId, id, null, category.parentId());
                    }
                    UUID target = parseId(reassignTo);
                    if (target.equals(id)) {
                        throw new InvalidField("reassign_to", "must be another category");
                    }
                    return categories.find(conn, companyId, target)
                            .onItem().ifNull().failWith(() -> new InvalidField("reassign_to",
                                    "is not a category of this company"))
                            .flatMap(t -> categories.delete(conn, companyId, id, target, category.parentId()));
                })
                .flatMap(v -> categories.bumpRulesVersion(conn, companyId))));
    }

    public Uni<List<Mapping>> mappings(UUID companyId) {
        return categories.mappings(pool, companyId);
    }

    /** Maps one of Pluggy's categories to one of the company's (or another of Pluggy's). Applies to new syncs. */
    public Uni<Void> map(UUID companyId, String pluggyCategoryId, UUID categoryId) {
        return pool.withTransaction(conn -> categories.findPluggy(conn, pluggyCategoryId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Pluggy category"))
                .flatMap(pluggy -> categories.find(conn, companyId, categoryId)
                        .onItem().ifNull().failWith(() -> new InvalidField("category_id",
                                "is not a category of this company")))
                .flatMap(target -> categories.putMapping(conn, companyId, pluggyCategoryId, categoryId))
                .flatMap(v -> categories.bumpRulesVersion(conn, companyId)));
    }

    public Uni<Void> unmap(UUID companyId, String pluggyCategoryId) {
        return pool.withTransaction(conn -> categories.deleteMapping(conn, companyId, pluggyCategoryId)
                .invoke(deleted -> {
                    if (!deleted) {
                        throw ProblemException.notFound("Mapping");
                    }
                })
                .flatMap(v -> categories.bumpRulesVersion(conn, companyId)));
    }

    /** A parent must be a top-level category the company can use, and not the category itself. */
    private Uni<Category> parent(SqlClient conn, UUID companyId, UUID parentId, UUID self) {
        if (parentId == null) {
            return Uni.createFrom().nullItem();
        }
        if (parentId.equals(self)) {
            throw new InvalidField("parent", "must be another category");
        }
        return categories.find(conn, companyId, parentId)
                .onItem().ifNull().failWith(() -> new InvalidField("parent", "is not a category of this company"))
                .invoke(parent -> {
                    if (parent.parentId() != null) {
                        throw new InvalidField("parent", "must be a top-level category (two levels at most)");
                    }
                });
    }

    private static void requireOwn(Category category) {
        if (category.system()) {
            throw ProblemException.forbidden("Pluggy's categories cannot be changed; map them to your own instead");
        }
    }

    private static UUID parseId(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidField("reassign_to", "must be a category id or none");
        }
    }

    private static ProblemException inUse(Usage usage) {
        return ProblemException.conflict("category_in_use", "The category is used by " + usage.transactions()
                + " transactions, " + usage.rules() + " rules and " + usage.mappings()
                + " mappings: say where they go with ?reassign_to=<category id> or ?reassign_to=none");
    }

    private static boolean duplicateName(Throwable failure) {
        return failure instanceof PgException pg && "23505".equals(pg.getSqlState());
    }

    private static Throwable nameTaken(Throwable failure) {
        return ProblemException.conflict("category_exists", "The company already has a category of that name there");
    }

    /** What a create or an update sets (every field: an update is a full replacement of the company's fields). */
    public record Draft(String name, String type, UUID parentId, String icon, String color) {
    }
}
