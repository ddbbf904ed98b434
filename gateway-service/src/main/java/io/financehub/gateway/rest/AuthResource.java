package io.financehub.gateway.rest;

import java.time.Instant;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.financehub.support.Caller;
import io.financehub.support.Roles;

@Path("/api/auth")
public class AuthResource {

    private final JsonWebToken jwt;
    private final Caller caller;

    AuthResource(JsonWebToken jwt, Caller caller) {
        this.jwt = jwt;
        this.caller = caller;
    }

    /** Who the bearer token says the caller is. */
    @GET
    @Path("/me")
    @RolesAllowed({ Roles.ADMIN, Roles.MEMBER, Roles.OPERATOR })
    public Session me() {
        return new Session(caller.userId(), caller.companyId().toString(), jwt.getGroups(),
                Instant.ofEpochSecond(jwt.getExpirationTime()));
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Session(String userId, String companyId, Set<String> groups, Instant expiresAt) {
    }
}
