package io.financehub.gateway.rest;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.financehub.gateway.service.AuthService;
import io.financehub.gateway.service.PlanLimits;
import io.financehub.support.Caller;
import io.financehub.support.Roles;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/** Sign-up, sign-in, token refresh and sign-out; the only endpoints of the suite that take a password. */
@Path("/api/auth")
public class AuthResource {

    private final AuthService auth;
    private final JsonWebToken jwt;
    private final Caller caller;
    private final PlanLimits limits;

    AuthResource(AuthService auth, JsonWebToken jwt, Caller caller, PlanLimits limits) {
        this.auth = auth;
        this.jwt = jwt;
        this.caller = caller;
        this.limits = limits;
    }

    /** Creates a company (FREE plan) and its first user, an admin, and signs them in. */
    @POST
    @Path("/register")
    public Uni<Response> register(@Valid @NotNull Registration body) {
        return auth.register(body.companyName(), body.name(), body.email(), body.password())
                .map(session -> Response.status(Response.Status.CREATED).entity(SessionView.of(session, limits)).build());
    }

    @POST
    @Path("/login")
    public Uni<SessionView> login(@Valid @NotNull Credentials body, @Context HttpServerRequest request) {
        return auth.login(body.email(), body.password(), ClientAddress.of(request)).map(session -> SessionView.of(session, limits));
    }

    /** Exchanges a refresh token for a new access token and a new refresh token; the old one is spent. */
    @POST
    @Path("/refresh")
    public Uni<SessionView> refresh(@Valid @NotNull RefreshRequest body) {
        return auth.refresh(body.refreshToken()).map(session -> SessionView.of(session, limits));
    }

    /** Revokes the refresh token and every token rotated from the same sign-in. Always 204. */
    @POST
    @Path("/logout")
    public Uni<Response> logout(@Valid @NotNull RefreshRequest body) {
        return auth.logout(body.refreshToken()).map(nothing -> Response.noContent().build());
    }

    /** Who the bearer token says the caller is, with the account and company as they are now. */
    @GET
    @Path("/me")
    @RolesAllowed({ Roles.ADMIN, Roles.MEMBER })
    public Uni<Me> me() {
        return auth.profile(UUID.fromString(caller.userId()), caller.companyId())
                .map(profile -> new Me(UserView.of(profile.user()), CompanyView.of(profile.company(), limits),
                        jwt.getGroups(), Instant.ofEpochSecond(jwt.getExpirationTime())));
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Registration(
            @NotBlank @Size(max = 200) String companyName,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull String password) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Credentials(@NotBlank @Size(max = 254) String email, @NotNull @Size(max = 1024) String password) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RefreshRequest(@NotBlank @Size(max = 256) String refreshToken) {
    }

    /** Registered for reflection: it leaves inside a Response, where Quarkus cannot see its type. */
    @RegisterForReflection
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SessionView(String accessToken, String refreshToken, String tokenType, long expiresIn,
            UserView user, CompanyView company) {

        static SessionView of(AuthService.Session session, PlanLimits limits) {
            return new SessionView(session.accessToken().value(), session.refreshToken(), "Bearer",
                    session.accessToken().expiresInSeconds(), UserView.of(session.user()),
                    CompanyView.of(session.company(), limits));
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Me(UserView user, CompanyView company, Set<String> groups, Instant expiresAt) {
    }
}
