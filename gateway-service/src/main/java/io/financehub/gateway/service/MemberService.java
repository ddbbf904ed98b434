package io.financehub.gateway.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.gateway.User;
import io.financehub.gateway.repository.UserRepository;
import io.financehub.gateway.security.PasswordHasher;
import io.financehub.gateway.security.PasswordPolicy;
import io.financehub.support.ProblemException;
import io.financehub.support.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The people of a company. Every method takes the caller's company: a user of another company is not found (404).
 * A company always keeps at least one admin.
 */
@ApplicationScoped
public class MemberService {

    private final UserRepository users;
    private final PasswordHasher passwords;
    private final PasswordPolicy policy;

    MemberService(UserRepository users, PasswordHasher passwords, PasswordPolicy policy) {
        this.users = users;
        this.passwords = passwords;
        this.policy = policy;
    }

    public Uni<List<User>> list(UUID companyId) {
        return users.listForCompany(companyId);
    }

    /** Adds a member with an initial password the admin hands over; the password is hashed before the transaction. */
    public Uni<User> add(UUID companyId, String name, String email, String password, String role) {
        String normalized = AuthService.normalize(email);
        String checkedRole = role(role);
        policy.check(password, normalized);
        return passwords.hash(password).chain(hash -> Panache.withTransaction(() -> users.findByEmail(normalized)
                .chain(existing -> {
                    if (existing != null) {
                        throw ProblemException.conflict("email_taken", "An account with this e-mail exists");
                    }
                    User user = AuthService.newUser(companyId, name, normalized, hash, checkedRole, Instant.now());
                    return users.persist(user);
                })));
    }

    @WithTransaction
    public Uni<User> changeRole(UUID companyId, UUID memberId, String role) {
        String checkedRole = role(role);
        return users.findInCompany(memberId, companyId).chain(user -> {
            if (user == null) {
                throw ProblemException.notFound("Member");
            }
            if (user.role.equals(checkedRole)) {
                return Uni.createFrom().item(user);
            }
            Uni<Void> guard = Roles.ADMIN.equals(user.role) ? ensureAnotherAdmin(companyId)
                    : Uni.createFrom().voidItem();
            return guard.map(ok -> {
                user.role = checkedRole;
                return user;
            });
        });
    }

    /** Removes a member; their refresh tokens go with them (access tokens die within 15 minutes). */
    @WithTransaction
    public Uni<Void> remove(UUID companyId, UUID memberId) {
        return users.findInCompany(memberId, companyId).chain(user -> {
            if (user == null) {
                throw ProblemException.notFound("Member");
            }
            Uni<Void> guard = Roles.ADMIN.equals(user.role) ? ensureAnotherAdmin(companyId)
                    : Uni.createFrom().voidItem();
            return guard.chain(() -> users.delete(user));
        });
    }

    private Uni<Void> ensureAnotherAdmin(UUID companyId) {
        return users.countAdmins(companyId).map(admins -> {
            if (admins <= 1) {
                throw ProblemException.conflict("last_admin", "A company keeps at least one admin");
            }
            return null;
        });
    }

    private static String role(String role) {
        if (Roles.ADMIN.equalsIgnoreCase(role)) {
            return Roles.ADMIN;
        }
        if (Roles.MEMBER.equalsIgnoreCase(role)) {
            return Roles.MEMBER;
        }
        throw ProblemException.badRequest("invalid_role", "role must be ADMIN or MEMBER");
    }
}
