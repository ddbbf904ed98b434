package io.financehub.gateway.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.financehub.gateway.service.MemberService;
import io.financehub.support.Caller;
import io.financehub.support.Roles;
import io.smallrye.mutiny.Uni;

/** The caller's company's people: everyone may list them, only an admin changes them. */
@Path("/api/auth/members")
@RolesAllowed({ Roles.ADMIN, Roles.MEMBER })
public class MemberResource {

    private final MemberService members;
    private final Caller caller;

    MemberResource(MemberService members, Caller caller) {
        this.members = members;
        this.caller = caller;
    }

    @GET
    public Uni<List<UserView>> list() {
        return members.list(caller.companyId()).map(users -> users.stream().map(UserView::of).toList());
    }

    /** Adds a user to the company with an initial password (role ADMIN or MEMBER). */
    @POST
    @RolesAllowed(Roles.ADMIN)
    public Uni<Response> add(@Valid @NotNull NewMember body) {
        return members.add(caller.companyId(), body.name(), body.email(), body.password(), body.role())
                .map(user -> Response.status(Response.Status.CREATED).entity(UserView.of(user)).build());
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<UserView> changeRole(@PathParam("id") UUID id, @Valid @NotNull RoleChange body) {
        return members.changeRole(caller.companyId(), id, body.role()).map(UserView::of);
    }

    /** Removes a member and ends their sessions; the last admin cannot be removed. */
    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<Response> remove(@PathParam("id") UUID id) {
        return members.remove(caller.companyId(), id).map(nothing -> Response.noContent().build());
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record NewMember(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull String password,
            @NotBlank String role) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RoleChange(@NotBlank String role) {
    }
}
