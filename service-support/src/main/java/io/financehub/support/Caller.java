package io.financehub.support;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, from the verified JWT. Every query a service runs for a request is scoped by
 * {@link #companyId()}: the token, not a path or body parameter, decides the tenant.
 */
@RequestScoped
public class Caller {

    public static final String COMPANY_CLAIM = "company_id";

    private final JsonWebToken jwt;

    Caller(JsonWebToken jwt) {
        this.jwt = jwt;
    }

    public UUID companyId() {
        String claim = jwt.getClaim(COMPANY_CLAIM);
        if (claim == null) {
            throw ProblemException.forbidden("The token carries no company");
        }
        try {
            return UUID.fromString(claim);
        } catch (IllegalArgumentException e) {
            throw ProblemException.forbidden("The token's company is not a valid id");
        }
    }

    public String userId() {
        return jwt.getSubject();
    }

    public boolean isAdmin() {
        return jwt.getGroups().contains(Roles.ADMIN);
    }

    public boolean isOperator() {
        return jwt.getGroups().contains(Roles.OPERATOR);
    }
}
