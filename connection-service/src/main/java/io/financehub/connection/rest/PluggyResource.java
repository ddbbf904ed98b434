package io.financehub.connection.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.financehub.connection.service.ConnectService;
import io.financehub.support.Caller;
import io.financehub.support.ProblemException;
import io.financehub.support.Roles;
import io.smallrye.mutiny.Uni;

/** The Connect widget's two calls: a token to open it, and the callback when it created an item. */
@Path("/api/banking/pluggy")
@RolesAllowed(Roles.ADMIN)
public class PluggyResource {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ConnectTokenRequest(String clientUserId, String webhookUrl, String itemId) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ConnectTokenView(String connectToken, String connectUrl) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CallbackRequest(String itemId) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CallbackView(Views.ItemView item, List<Views.AccountView> accounts, boolean syncScheduled) {
    }

    private final ConnectService connect;
    private final Caller caller;
    private final ObjectMapper json;

    PluggyResource(ConnectService connect, Caller caller, ObjectMapper json) {
        this.connect = connect;
        this.caller = caller;
        this.json = json;
    }

    @POST
    @Path("connect-token")
    public Uni<ApiResponse<ConnectTokenView>> connectToken(ConnectTokenRequest request) {
        ConnectTokenRequest r = request == null ? new ConnectTokenRequest(null, null, null) : request;
        return connect.connectToken(caller.companyId(), r.clientUserId(), r.webhookUrl(), r.itemId())
                .map(token -> ApiResponse.ok(new ConnectTokenView(token.connectToken(), token.connectUrl())));
    }

    @POST
    @Path("callback")
    public Uni<ApiResponse<CallbackView>> callback(CallbackRequest request) {
        if (request == null || request.itemId() == null || request.itemId().isBlank()) {
            throw ProblemException.badRequest("item_id_required", "item_id is required");
        }
        return connect.callback(caller.companyId(), request.itemId().trim()).map(linked -> {
            Views.ItemView item = Views.item(linked.details(), json);
            return ApiResponse.ok(new CallbackView(item, item.accounts(), true));
        });
    }
}
