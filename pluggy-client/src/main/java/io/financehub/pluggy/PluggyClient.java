package io.financehub.pluggy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.financehub.pluggy.model.Account;
import io.financehub.pluggy.model.Category;
import io.financehub.pluggy.model.ConnectTokenOptions;
import io.financehub.pluggy.model.Connector;
import io.financehub.pluggy.model.ConnectorFilter;
import io.financehub.pluggy.model.CreateItemOptions;
import io.financehub.pluggy.model.CursorPageResponse;
import io.financehub.pluggy.model.Item;
import io.financehub.pluggy.model.PageResponse;
import io.financehub.pluggy.model.StreamedPage;
import io.financehub.pluggy.model.Transaction;
import io.financehub.pluggy.model.TransactionFilter;
import io.quarkus.arc.Arc;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The one client of Pluggy's API in the suite. Every call goes through, outermost first:
 * <ol>
 * <li>retry with exponential backoff and jitter on timeouts, 5xx and 429 (honouring Retry-After); a call that must not
 * happen twice (create item, PATCH item, MFA answer) is retried only when it certainly was not sent;</li>
 * <li>one circuit breaker for the host, counting only timeouts, connection failures and 5xx;</li>
 * <li>the rate limiter shared by all replicas through Redis, which queues a call rather than let it collect a 429;</li>
 * <li>the API key shared through Redis, refreshed once on 401/403.</li>
 * </ol>
 * Results are delivered on the caller's Vert.x context, so a caller inside a Hibernate Reactive session can chain on
 * them whatever thread a backoff timer completed on.
 */
@ApplicationScoped
public class PluggyClient {

    /** Circuit breaker name, for {@code CircuitBreakerMaintenance}. */
    public static final String CIRCUIT_BREAKER = "pluggy";

    private static final TypeLiteral<Uni<Object>> UNI = new TypeLiteral<>() {
    };
    /** Pluggy's largest page of transactions, asked for on both listings: the fewest calls per history. */
    public static final int MAX_TRANSACTIONS_PAGE_SIZE = 500;

    private static final int CONNECTORS_MAX_PAGES = 100;
    private static final int LEGACY_PAGE_SIZE = MAX_TRANSACTIONS_PAGE_SIZE;

    private final PluggyApi api;
    private final ApiKeyCache apiKeys;
    private final SharedRateLimiter limiter;
    private final Guard breaker;
    private final Guard retrying;
    private final Guard retryingUnsent;
    private final boolean sandboxMode;
    private final boolean includeSandboxConnectors;
    private final String baseUrl;
    private final String connectUrl;
    private final Optional<String> webhookUrl;
    private final StreamedPages streamedPages;

    @Inject
    PluggyClient(PluggyConfig config, ReactiveRedisDataSource redis, ObjectMapper json) {
        this(config, redis, json, CIRCUIT_BREAKER);
    }

    /** A second "replica" in tests, with the application's ObjectMapper; the breaker name must be unique per JVM. */
    PluggyClient(PluggyConfig config, ReactiveRedisDataSource redis, String breakerName) {
        this(config, redis, Arc.container().instance(ObjectMapper.class).get(), breakerName);
    }

    /**
     * @param json the service's ObjectMapper, the one the REST client reads Pluggy's answers with (so its customizers,
     *             e.g. a faster Instant reader, apply to streamed pages too)
     */
    private PluggyClient(PluggyConfig config, ReactiveRedisDataSource redis, ObjectMapper json, String breakerName) {
        this.streamedPages = new StreamedPages(json);
        String clientId = config.clientId().filter(s -> !s.isBlank()).orElse(null);
        String clientSecret = config.clientSecret().filter(s -> !s.isBlank()).orElse(null);
        if ((clientId == null) != (clientSecret == null)) {
            throw new IllegalStateException(
                    "Set both PLUGGY_CLIENT_ID and PLUGGY_CLIENT_SECRET, or neither to use the sandbox");
        }
        this.sandboxMode = clientId == null;
        this.baseUrl = stripSlash(config.baseUrl().filter(s -> !s.isBlank())
                .orElse(sandboxMode ? PluggyConfig.SANDBOX_BASE_URL : PluggyConfig.PUBLIC_BASE_URL));
        this.connectUrl = config.connectUrl().filter(s -> !s.isBlank())
                .orElse(sandboxMode ? baseUrl + "/connect" : PluggyConfig.PUBLIC_CONNECT_URL);
        this.webhookUrl = config.webhookUrl().filter(s -> !s.isBlank());
        this.includeSandboxConnectors = config.useSandbox();
        String id = sandboxMode ? PluggyConfig.SANDBOX_CLIENT_ID : clientId;
        String secret = sandboxMode ? PluggyConfig.SANDBOX_CLIENT_SECRET : clientSecret;

        this.api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(baseUrl))
                .connectTimeout(config.apiTimeout(), TimeUnit.SECONDS)
                .readTimeout(config.apiTimeout(), TimeUnit.SECONDS)
                .build(PluggyApi.class);

        // One namespace per Pluggy host and client id: replicas of one deployment share it, a test sandbox does not.
        String namespace = config.redisPrefix() + ":" + shortHash(baseUrl + "|" + id);
        this.limiter = new SharedRateLimiter(redis, namespace, config.rateLimit());
        PluggyApi.AuthRequest credentials = new PluggyApi.AuthRequest(id, secret, false);
        this.apiKeys = new ApiKeyCache(redis, namespace, config.apiKeyTtl(), config.apiKeyLocalTtl(),
                () -> limiter.acquire(Endpoint.AUTH.family)
                        .chain(() -> sent(api.auth(credentials)))
                        .map(PluggyApi.AuthResponse::apiKey));

        PluggyConfig.Breaker cb = config.circuitBreaker();
        this.breaker = Guard.create()
                .withDescription("Pluggy circuit breaker")
                .withCircuitBreaker()
                .name(breakerName)
                .when(PluggyClient::hostFailure)
                .requestVolumeThreshold(cb.requestVolumeThreshold())
                .failureRatio(cb.failureRatio())
                .delay(cb.delay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(cb.successThreshold())
                .onStateChange(state -> Log.infof("Pluggy circuit breaker is now %s", state))
                .done()
                .withThreadOffload(false)
                .build();
        this.retrying = retryGuard(config.retry(), PluggyClient::transientFailure);
        this.retryingUnsent = retryGuard(config.retry(), PluggyClient::certainlyNotApplied);
    }

    void announce(@Observes StartupEvent start) {
        if (sandboxMode) {
            Log.infof("No Pluggy credentials (PLUGGY_CLIENT_ID/PLUGGY_CLIENT_SECRET): using the Pluggy sandbox at %s",
                    baseUrl);
        } else {
            Log.infof("Pluggy API at %s", baseUrl);
        }
    }

    /** True when no credentials are configured and the sandbox stands in for Pluggy. */
    public boolean sandboxMode() {
        return sandboxMode;
    }

    /** PLUGGY_USE_SANDBOX: whether the catalogue includes Pluggy's sandbox connectors. */
    public boolean includeSandboxConnectors() {
        return includeSandboxConnectors;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Address of the Connect widget the SPA opens with a connect token. */
    public String connectUrl() {
        return connectUrl;
    }

    /** PLUGGY_WEBHOOK_URL, if configured. */
    public Optional<String> webhookUrl() {
        return webhookUrl;
    }

    /**
     * A connect token for the Connect widget.
     *
     * @param itemId an existing item to open in update mode (reconnect, new credentials, MFA), or null
     */
    public Uni<String> createConnectToken(String itemId, ConnectTokenOptions options) {
        return call(Endpoint.CONNECT_TOKEN,
                (api, key) -> api.createConnectToken(key, new PluggyApi.ConnectTokenRequest(itemId, options)))
                .map(PluggyApi.ConnectTokenResponse::accessToken);
    }

    public Uni<PageResponse<Connector>> connectorsPage(ConnectorFilter filter, int page) {
        return call(Endpoint.CONNECTORS, (api, key) -> api.connectors(key, page, filter.name(),
                joined(filter.countries()), joined(filter.types()), filter.sandbox(), filter.isOpenFinance()));
    }

    /** Every page of the catalogue. */
    public Uni<List<Connector>> connectors(ConnectorFilter filter) {
        return connectorsPage(filter, 1).chain(first -> {
            int pages = Math.min(first.totalPages(), CONNECTORS_MAX_PAGES);
            if (pages <= 1) {
                return Uni.createFrom().item(first.results());
            }
            return Multi.createFrom().range(2, pages + 1)
                    .onItem().transformToUniAndConcatenate(page -> connectorsPage(filter, page))
                    .collect().in(() -> new ArrayList<>(first.results()), (all, next) -> all.addAll(next.results()))
                    .map(List::copyOf);
        });
    }

    public Uni<Connector> connector(int id) {
        return call(Endpoint.CONNECTOR, (api, key) -> api.connector(key, id));
    }

    public Uni<Item> createItem(int connectorId, Map<String, String> parameters, CreateItemOptions options) {
        return call(Endpoint.ITEM_CREATE, (api, key) -> api.createItem(key, itemRequest(connectorId, parameters, options)));
    }

    public Uni<Item> item(String itemId) {
        return call(Endpoint.ITEM_READ, (api, key) -> api.item(key, itemId));
    }

    /**
     * PATCH /items/{id}: starts a new execution at Pluggy. Pluggy allows 20 a minute and forbids bulk refreshes;
     * it already updates every item daily on its own.
     */
    public Uni<Item> updateItem(String itemId, Map<String, String> parameters, CreateItemOptions options) {
        return call(Endpoint.ITEM_UPDATE, (api, key) -> api.updateItem(key, itemId, itemRequest(null, parameters, options)));
    }

    public Uni<Void> deleteItem(String itemId) {
        return call(Endpoint.ITEM_DELETE, (api, key) -> api.deleteItem(key, itemId)).replaceWithVoid();
    }

    /** Answers the MFA prompt of an item waiting for user input: {parameter name → value}. */
    public Uni<Item> sendMfa(String itemId, Map<String, String> parameters) {
        return call(Endpoint.ITEM_MFA, (api, key) -> api.sendMfa(key, itemId, parameters));
    }

    public Uni<List<Account>> accounts(String itemId) {
        return call(Endpoint.ACCOUNTS, (api, key) -> api.accounts(key, itemId, null)).map(PageResponse::results);
    }

    public Uni<Account> account(String accountId) {
        return call(Endpoint.ACCOUNTS, (api, key) -> api.account(key, accountId));
    }

    /** One page of GET /v2/transactions, of Pluggy's largest size. */
    public Uni<CursorPageResponse<Transaction>> transactions(String accountId, TransactionFilter filter, String after) {
        return call(Endpoint.TRANSACTIONS, (api, key) -> api.transactions(key, accountId, date(filter.dateFrom()),
                date(filter.dateTo()), instant(filter.createdAtFrom()), after, null, MAX_TRANSACTIONS_PAGE_SIZE));
    }

    /**
     * One page of GET /v2/transactions (of Pluggy's largest size), its {@code results} read by {@code results} as
     * the body is parsed: for a caller that turns a page into its own shape without binding 500 records first. The
     * call goes through the same retries, breaker, rate limit and API key as every other; a body that cannot be read
     * fails with {@link PluggyApiException} {@code UNREADABLE_RESPONSE}, not retried.
     */
    public <T> Uni<StreamedPage<T>> transactions(String accountId, TransactionFilter filter, String after,
            ResultsReader<T> results) {
        return call(Endpoint.TRANSACTIONS, (api, key) -> api.transactionsJson(key, accountId, date(filter.dateFrom()),
                date(filter.dateTo()), instant(filter.createdAtFrom()), after, MAX_TRANSACTIONS_PAGE_SIZE))
                .map(body -> streamed(body, results));
    }

    /** One page of the deprecated GET /transactions (page numbers from 1), its results streamed as above. */
    public <T> Uni<StreamedPage<T>> transactionsByPage(String accountId, TransactionFilter filter, int page,
            int pageSize, ResultsReader<T> results) {
        return call(Endpoint.TRANSACTIONS, (api, key) -> api.transactionsByPageJson(key, accountId,
                date(filter.dateFrom()), date(filter.dateTo()), instant(filter.createdAtFrom()), page, pageSize))
                .map(body -> streamed(body, results));
    }

    private <T> StreamedPage<T> streamed(byte[] body, ResultsReader<T> results) {
        try {
            return streamedPages.read(body, results);
        } catch (JsonProcessingException unreadable) {
            throw PluggyApiException.unreadable(unreadable.getOriginalMessage());
        } catch (IOException unreadable) {
            throw PluggyApiException.unreadable(unreadable.getMessage());
        }
    }

    /** One page of the deprecated GET /transactions (page numbers from 1). */
    public Uni<PageResponse<Transaction>> transactionsByPage(String accountId, TransactionFilter filter, int page,
            int pageSize) {
        return call(Endpoint.TRANSACTIONS, (api, key) -> api.transactionsByPage(key, accountId, date(filter.dateFrom()),
                date(filter.dateTo()), instant(filter.createdAtFrom()), page, pageSize));
    }

    /**
     * Every page of an account's transactions, one list per page, fetched as the consumer asks for them: the cursor
     * API, or the page-numbered one where Pluggy answers 404 or 410 to the cursor API's first page (for an unknown
     * account the page-numbered API answers 404 too, and that is what the caller gets).
     */
    public Multi<List<Transaction>> transactionPages(String accountId, TransactionFilter filter) {
        return transactions(accountId, filter, null)
                .map(Optional::of)
                .onFailure(PluggyClient::cursorApiMissing).recoverWithItem(Optional.empty())
                .onItem().transformToMulti(first -> first.isPresent() ? fromCursor(accountId, filter, first.get())
                        : legacyPages(accountId, filter));
    }

    private Multi<List<Transaction>> fromCursor(String accountId, TransactionFilter filter,
            CursorPageResponse<Transaction> page) {
        Multi<List<Transaction>> head = Multi.createFrom().item(page.results());
        return page.nextCursor()
                .map(next -> Multi.createBy().concatenating().streams(head, transactions(accountId, filter, next)
                        .onItem().transformToMulti(following -> fromCursor(accountId, filter, following))))
                .orElse(head);
    }

    private Multi<List<Transaction>> legacyPages(String accountId, TransactionFilter filter) {
        return transactionsByPage(accountId, filter, 1, LEGACY_PAGE_SIZE)
                .onItem().transformToMulti(first -> Multi.createFrom()
                        .range(1, Math.max(1, first.totalPages()) + 1)
                        .onItem().transformToUniAndConcatenate(page -> page == 1 ? Uni.createFrom().item(first)
                                : transactionsByPage(accountId, filter, page, LEGACY_PAGE_SIZE))
                        .map(PageResponse::results));
    }

    public Uni<Transaction> transaction(String transactionId) {
        return call(Endpoint.TRANSACTIONS, (api, key) -> api.transaction(key, transactionId));
    }

    public Uni<List<Category>> categories() {
        return call(Endpoint.CATEGORIES, PluggyApi::categories).map(PageResponse::results);
    }

    /** Redis key of the shared API key (tests expire it to prove a refresh). */
    public String apiKeyRedisKey() {
        return apiKeys.redisKey();
    }

    // ---- the pipeline ----

    private <T> Uni<T> call(Endpoint endpoint, BiFunction<PluggyApi, String, Uni<T>> request) {
        return Uni.createFrom().deferred(() -> {
            Context caller = Vertx.currentContext();
            Guard retry = endpoint.idempotent ? retrying : retryingUnsent;
            Uni<T> guarded = guarded(retry, () -> guarded(breaker, () -> attempt(endpoint, request)))
                    .onFailure(CircuitBreakerOpenException.class).transform(open -> new PluggyUnavailableException(
                            "Pluggy's circuit breaker is open after repeated failures", open,
                            PluggyUnavailableException.Kind.BREAKER_OPEN));
            return caller == null ? guarded : guarded.emitOn(task -> caller.runOnContext(ignored -> task.run()));
        });
    }

    private <T> Uni<T> attempt(Endpoint endpoint, BiFunction<PluggyApi, String, Uni<T>> request) {
        return limiter.acquire(endpoint.family)
                .chain(apiKeys::get)
                .chain(key -> sent(request.apply(api, key))
                        .onFailure(PluggyClient::rejectedKey).recoverWithUni(rejected -> apiKeys.refresh(key)
                                .chain(fresh -> limiter.acquire(endpoint.family)
                                        .chain(() -> sent(request.apply(api, fresh))))));
    }

    /** Turns what went wrong on the wire into the typed exceptions the guards and callers branch on. */
    private static <T> Uni<T> sent(Uni<T> request) {
        return request.onFailure(e -> !(e instanceof PluggyException)).transform(PluggyClient::typed);
    }

    private static Throwable typed(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return PluggyApiException.unreadable(json.getOriginalMessage());
            }
            if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
                return new PluggyUnavailableException("Pluggy cannot be reached: " + cause.getMessage(), failure,
                        PluggyUnavailableException.Kind.CONNECT);
            }
        }
        return new PluggyUnavailableException("Pluggy did not answer: " + failure, failure,
                PluggyUnavailableException.Kind.TRANSPORT);
    }

    private static boolean rejectedKey(Throwable e) {
        return e instanceof PluggyApiException api && api.isAuthenticationFailure();
    }

    /** What the breaker counts: the host failing, never an answer about the request (404, 400, 429...). */
    static boolean hostFailure(Throwable e) {
        if (e instanceof PluggyApiException api) {
            return api.isServerError() && !api.isUnreadable();
        }
        return e instanceof PluggyUnavailableException u
                && (u.kind() == PluggyUnavailableException.Kind.CONNECT
                        || u.kind() == PluggyUnavailableException.Kind.TRANSPORT);
    }

    /** Worth repeating for a call that is safe to repeat. */
    static boolean transientFailure(Throwable e) {
        if (e instanceof PluggyApiException api) {
            return api.isRateLimited() || api.isServerError() && !api.isUnreadable();
        }
        return e instanceof PluggyUnavailableException u
                && (u.kind() == PluggyUnavailableException.Kind.CONNECT
                        || u.kind() == PluggyUnavailableException.Kind.TRANSPORT);
    }

    /** Worth repeating for a call that must not be applied twice: only when Pluggy certainly did not apply it. */
    static boolean certainlyNotApplied(Throwable e) {
        if (e instanceof PluggyApiException api) {
            return api.isRateLimited();
        }
        return e instanceof PluggyUnavailableException u && u.kind() == PluggyUnavailableException.Kind.CONNECT;
    }

    private static boolean cursorApiMissing(Throwable e) {
        return e instanceof PluggyApiException api && (api.status() == 410 || api.isNotFound());
    }

    private static Guard retryGuard(PluggyConfig.Retry retry, java.util.function.Predicate<Throwable> when) {
        long worstDelay = Math.max(retry.maxDelay().toMillis(), retry.maxRetryAfter().toMillis()) + 1_000;
        return Guard.create()
                .withDescription("Pluggy retries")
                .withRetry()
                .maxRetries(retry.maxRetries())
                .delay(retry.initialDelay().toMillis(), ChronoUnit.MILLIS)
                .maxDuration(worstDelay * (retry.maxRetries() + 1), ChronoUnit.MILLIS)
                .jitter(0, ChronoUnit.MILLIS)
                .whenException(when)
                .withCustomBackoff().strategy(() -> new PluggyBackoff(retry)).done()
                .beforeRetry(failure -> Log.debugf("Retrying a Pluggy call after %s", failure.getMessage()))
                .done()
                .withThreadOffload(false)
                .build();
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static <T> Uni<T> guarded(Guard guard, Supplier<Uni<T>> action) {
        return (Uni<T>) guard.get((Supplier) action, UNI);
    }

    private static PluggyApi.ItemRequest itemRequest(Integer connectorId, Map<String, String> parameters,
            CreateItemOptions options) {
        CreateItemOptions o = options == null ? CreateItemOptions.NONE : options;
        return new PluggyApi.ItemRequest(connectorId, parameters, o.webhookUrl(), o.clientUserId(), o.products(),
                o.avoidDuplicates(), o.oauthRedirectUri());
    }

    private static String joined(List<String> values) {
        return values.isEmpty() ? null : String.join(",", values);
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String shortHash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
