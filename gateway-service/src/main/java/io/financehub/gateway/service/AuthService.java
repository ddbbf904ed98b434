package io.financehub.gateway.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.contracts.events.Plan;
import io.financehub.gateway.Company;
import io.financehub.gateway.RefreshToken;
import io.financehub.gateway.User;
import io.financehub.gateway.config.GatewayConfig;
import io.financehub.gateway.messaging.CompanyEvents;
import io.financehub.gateway.messaging.OutboxRelay;
import io.financehub.gateway.repository.CompanyRepository;
import io.financehub.gateway.repository.RefreshTokenRepository;
import io.financehub.gateway.repository.UserRepository;
import io.financehub.gateway.security.PasswordHasher;
import io.financehub.gateway.security.PasswordPolicy;
import io.financehub.gateway.security.TokenIssuer;
import io.financehub.support.ProblemException;
import io.financehub.support.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Sign-up, sign-in and the life of a session: a short access token plus an opaque refresh token that rotates on every
 * use. Password hashing runs before the transaction opens, so no database connection waits on bcrypt; the writes of a
 * step share one transaction ({@code Panache.withTransaction}), and the company event goes through the outbox.
 */
@ApplicationScoped
public class AuthService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration ACCOUNT_WINDOW = Duration.ofMinutes(1);

    private final CompanyRepository companies;
    private final UserRepository users;
    private final RefreshTokenRepository refreshTokens;
    private final PasswordHasher passwords;
    private final PasswordPolicy policy;
    private final TokenIssuer tokens;
    private final LoginThrottle throttle;
    private final RateLimiter rateLimiter;
    private final CompanyEvents events;
    private final OutboxRelay relay;
    private final GatewayConfig config;

    AuthService(CompanyRepository companies, UserRepository users, RefreshTokenRepository refreshTokens,
            PasswordHasher passwords, PasswordPolicy policy, TokenIssuer tokens, LoginThrottle throttle,
            RateLimiter rateLimiter, CompanyEvents events, OutboxRelay relay, GatewayConfig config) {
        this.companies = companies;
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.passwords = passwords;
        this.policy = policy;
        this.tokens = tokens;
        this.throttle = throttle;
        this.rateLimiter = rateLimiter;
        this.events = events;
        this.relay = relay;
        this.config = config;
    }

    /** Creates a company on the FREE plan and its first user, an ADMIN, and signs that user in. */
    public Uni<Session> register(String companyName, String name, String email, String password) {
        String normalized = normalize(email);
        policy.check(password, normalized);
        return limitAccount(normalized)
                .chain(() -> passwords.hash(password))
                .chain(hash -> Panache.withTransaction(() -> users.findByEmail(normalized)
                        .chain(existing -> {
                            if (existing != null) {
                                throw ProblemException.conflict("email_taken", "An account with this e-mail exists");
                            }
                            Instant now = Instant.now();
                            Company company = new Company();
                            company.id = UUID.randomUUID();
                            company.name = companyName.trim();
                            company.plan = Plan.FREE;
                            company.createdAt = now;
                            company.updatedAt = now;
                            User user = newUser(company.id, name, normalized, hash, Roles.ADMIN, now);
                            return companies.persist(company)
                                    .chain(() -> users.persist(user))
                                    .chain(() -> events.created(company).persist())
                                    .chain(() -> openSession(user, company, UUID.randomUUID()));
                        })))
                .invoke(relay::kick);
    }

    /** Checks the password with brute-force protection: slowed after a few failures, then locked. */
    public Uni<Session> login(String email, String password, String clientIp) {
        String normalized = normalize(email);
        return limitAccount(normalized)
                .chain(() -> throttle.ensureNotLocked(normalized, clientIp))
                .chain(() -> users.findByEmail(normalized))
                .chain(user -> passwords.matches(password, user == null ? null : user.passwordHash)
                        .chain(ok -> {
                            if (!ok) {
                                return throttle.recordFailure(normalized, clientIp).map(nothing -> {
                                    throw new ProblemException(401, "invalid_credentials", "Unauthorized",
                                            "E-mail or password is wrong");
                                });
                            }
                            return throttle.recordSuccess(normalized)
                                    .chain(() -> Panache.withTransaction(() -> companies.findById(user.companyId)
                                            .chain(company -> openSession(user, company, UUID.randomUUID()))));
                        }));
    }

    /**
     * Exchanges a refresh token for a new pair. A token is good once: presenting one that was already exchanged
     * means it leaked (or a client raced itself), so the whole family is revoked and every holder must sign in again.
     */
    public Uni<Session> refresh(String refreshToken) {
        byte[] hash = digest(refreshToken);
        return Panache.withTransaction(() -> refreshTokens.findByHash(hash).chain(token -> {
            if (token == null || token.expiresAt.isBefore(Instant.now())) {
                return Uni.createFrom().item(Refreshed.INVALID);
            }
            if (token.isSpent()) {
                return revokeFamily(token);
            }
            return refreshTokens.rotate(token.id, Instant.now()).chain(rotated -> {
                if (!rotated) {
                    return revokeFamily(token);
                }
                return users.findById(token.userId).chain(user -> companies.findById(user.companyId)
                        .chain(company -> openSession(user, company, token.familyId)))
                        .map(Refreshed::of);
            });
        })).map(outcome -> {
            // Thrown after the commit: the family's revocation must survive the error answer.
            if (outcome.session() == null) {
                throw new ProblemException(401, outcome.code(), "Unauthorized", outcome.detail());
            }
            return outcome.session();
        });
    }

    /** Ends the sign-in the refresh token belongs to; an unknown token is not an error (logout is idempotent). */
    public Uni<Void> logout(String refreshToken) {
        byte[] hash = digest(refreshToken);
        return Panache.withTransaction(() -> refreshTokens.findByHash(hash)
                .chain(token -> token == null ? Uni.createFrom().voidItem()
                        : refreshTokens.revokeFamily(token.familyId, Instant.now()).replaceWithVoid()));
    }

    public Uni<Profile> profile(UUID userId, UUID companyId) {
        return users.findInCompany(userId, companyId).chain(user -> {
            if (user == null) {
                throw new ProblemException(401, "unauthorized", "Unauthorized", "The account no longer exists");
            }
            return companies.findById(companyId).map(company -> new Profile(user, company));
        });
    }

    private Uni<Refreshed> revokeFamily(RefreshToken token) {
        Log.warnf("Refresh token reuse in family %s: revoking the family", token.familyId);
        return refreshTokens.revokeFamily(token.familyId, Instant.now()).replaceWith(Refreshed.REUSED);
    }

    private Uni<Session> openSession(User user, Company company, UUID familyId) {
        String secret = newSecret();
        RefreshToken token = new RefreshToken();
        token.id = UUID.randomUUID();
        token.familyId = familyId;
        token.userId = user.id;
        token.tokenHash = digest(secret);
        token.createdAt = Instant.now();
        token.expiresAt = token.createdAt.plus(config.jwt().refreshTokenTtl());
        return refreshTokens.persist(token).map(saved -> new Session(
                tokens.issue(user.id, company.id, user.role), secret, user, company));
    }

    private Uni<Void> limitAccount(String email) {
        if (!config.rateLimit().enabled()) {
            return Uni.createFrom().voidItem();
        }
        return rateLimiter.hit("auth:acct:" + email, config.rateLimit().authPerAccountPerMinute(), ACCOUNT_WINDOW)
                .map(decision -> {
                    if (!decision.allowed()) {
                        throw new TooManyRequests("rate_limited", "Too many attempts for this account",
                                decision.retryAfterSeconds());
                    }
                    return null;
                });
    }

    static User newUser(UUID companyId, String name, String email, String hash, String role, Instant now) {
        User user = new User();
        user.id = UUID.randomUUID();
        user.companyId = companyId;
        user.name = name.trim();
        user.email = email;
        user.passwordHash = hash;
        user.role = role;
        user.createdAt = now;
        return user;
    }

    static String normalize(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Refresh tokens are 256 random bits, so a fast unsalted digest is enough to keep them useless if leaked. */
    static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public record Session(TokenIssuer.AccessToken accessToken, String refreshToken, User user, Company company) {
    }

    public record Profile(User user, Company company) {
    }

    private record Refreshed(Session session, String code, String detail) {
        static final Refreshed INVALID = new Refreshed(null, "invalid_refresh_token",
                "The refresh token is unknown or expired");
        static final Refreshed REUSED = new Refreshed(null, "refresh_token_reused",
                "The refresh token was already used: every session of this sign-in is revoked");

        static Refreshed of(Session session) {
            return new Refreshed(session, null, null);
        }
    }
}
