package io.financehub.ledger.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.ledger.CategoryRule;
import io.financehub.ledger.repository.Categorization;
import io.financehub.ledger.repository.CategoryRepository;
import io.financehub.ledger.repository.CategoryRuleRepository;
import io.financehub.ledger.repository.RuleApplicationRepository;
import io.financehub.ledger.repository.RuleApplicationRepository.Position;
import io.financehub.ledger.rest.InvalidField;
import io.financehub.support.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * A company's categorisation rules. Every change bumps the company's rule-set version, so every ingest instance
 * applies the new rules to the next batch; history changes only when the company asks ({@link #apply}).
 */
@ApplicationScoped
public class RuleService {

    public static final int MAX_RULES = 500;
    private static final int CHUNK = 5_000;

    private final Pool pool;
    private final CategoryRuleRepository rules;
    private final CategoryRepository categories;
    private final RuleApplicationRepository application;

    RuleService(Pool pool, CategoryRuleRepository rules, CategoryRepository categories,
            RuleApplicationRepository application) {
        this.pool = pool;
        this.rules = rules;
        this.categories = categories;
        this.application = application;
    }

    public Uni<List<CategoryRule>> list(UUID companyId) {
        return rules.list(pool, companyId);
    }

    public Uni<CategoryRule> get(UUID companyId, UUID id) {
        return rules.find(pool, companyId, id).onItem().ifNull().failWith(() -> ProblemException.notFound("Rule"));
    }

    /** Adds the rule at its position (null: last). */
    public Uni<CategoryRule> create(UUID companyId, CategoryRule draft) {
        return pool.withTransaction(conn -> rules.count(conn, companyId).flatMap(count -> {
            if (count >= MAX_RULES) {
                throw ProblemException.conflict("too_many_rules", "A company has at most " + MAX_RULES + " rules");
            }
            int position = draft.position() == 0 ? count + 1 : draft.position();
            if (position > count + 1) {
                throw new InvalidField("position", "must be between 1 and " + (count + 1));
            }
            CategoryRule rule = withPosition(draft, position);
            return validate(conn, companyId, rule)
                    .flatMap(v -> rules.insert(conn, companyId, rule))
                    .call(created -> categories.bumpRulesVersion(conn, companyId));
        }));
    }

    /** Replaces the rule's fields; {@code draft.position()} 0 keeps its place. */
    public Uni<CategoryRule> update(UUID companyId, UUID id, java.util.function.UnaryOperator<CategoryRule> change) {
        return pool.withTransaction(conn -> rules.find(conn, companyId, id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Rule"))
                .flatMap(before -> rules.count(conn, companyId).flatMap(count -> {
                    CategoryRule after = change.apply(before);
                    if (after.position() < 1 || after.position() > count) {
                        throw new InvalidField("position", "must be between 1 and " + count);
                    }
                    return validate(conn, companyId, after)
                            .flatMap(v -> rules.update(conn, companyId, before, after));
                }))
                .call(updated -> categories.bumpRulesVersion(conn, companyId)));
    }

    public Uni<Void> delete(UUID companyId, UUID id) {
        return pool.withTransaction(conn -> rules.find(conn, companyId, id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Rule"))
                .flatMap(rule -> rules.delete(conn, companyId, rule))
                .flatMap(deleted -> categories.bumpRulesVersion(conn, companyId)));
    }

    /** How many of the company's transactions re-applying the rules and mappings would change. */
    public Uni<Long> preview(UUID companyId) {
        return rules.list(pool, companyId)
                .flatMap(list -> application.preview(pool, companyId, Categorization.of(list)));
    }

    /**
     * Re-applies the rules and mappings to the company's history, a chunk at a time (each its own transaction, so
     * the ingest is never blocked for long); the user's own choices stay. Returns how many transactions changed.
     */
    public Uni<Long> apply(UUID companyId) {
        return rules.list(pool, companyId).map(Categorization::of)
                .flatMap(categorization -> applyFrom(companyId, categorization, Position.START, 0));
    }

    private Uni<Long> applyFrom(UUID companyId, Categorization categorization, Position after, long changed) {
        return pool.withTransaction(conn -> application.apply(conn, companyId, categorization, after, CHUNK))
                .flatMap(chunk -> chunk.next() == null ? Uni.createFrom().item(changed + chunk.changed())
                        : applyFrom(companyId, categorization, chunk.next(), changed + chunk.changed()));
    }

    /** The checks of a rule; the regular expression is tried on its own connection, as a failed statement would end
     * the caller's transaction. */
    private Uni<Void> validate(SqlClient conn, UUID companyId, CategoryRule rule) {
        if (rule.descriptionContains() == null && rule.descriptionRegex() == null && rule.merchant() == null
                && rule.document() == null && rule.accountId() == null && rule.minAmount() == null
                && rule.maxAmount() == null && rule.transactionType() == null) {
            throw new InvalidField("conditions", "a rule needs at least one condition");
        }
        if (rule.minAmount() != null && rule.maxAmount() != null && rule.maxAmount().compareTo(rule.minAmount()) < 0) {
            throw new InvalidField("max_amount", "must not be less than min_amount");
        }
        Uni<Void> regex = rule.descriptionRegex() == null ? Uni.createFrom().voidItem()
                : rules.regexProblem(pool, rule.descriptionRegex()).invoke(problem -> {
                    if (problem != null) {
                        throw new InvalidField("description_regex", "is not a valid regular expression: " + problem);
                    }
                }).replaceWithVoid();
        Uni<Void> account = rule.accountId() == null ? Uni.createFrom().voidItem()
                : rules.accountOfCompany(conn, companyId, rule.accountId()).invoke(exists -> {
                    if (!exists) {
                        throw new InvalidField("account_id", "is not an account of this company");
                    }
                }).replaceWithVoid();
        return regex.flatMap(v -> account)
                .flatMap(v -> categories.find(conn, companyId, rule.categoryId()))
                .invoke(category -> {
                    if (category == null) {
                        throw new InvalidField("category_id", "is not a category of this company");
                    }
                })
                .replaceWithVoid();
    }

    private static CategoryRule withPosition(CategoryRule r, int position) {
        return new CategoryRule(r.id(), position, r.name(), r.descriptionContains(), r.descriptionRegex(),
                r.merchant(), r.document(), r.accountId(), r.minAmount(), r.maxAmount(), r.transactionType(),
                r.categoryId(), r.enabled(), r.createdAt(), r.updatedAt());
    }
}
