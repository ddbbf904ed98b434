package io.financehub.pluggy;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.ClientWebApplicationException;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.financehub.pluggy.model.Account;
import io.financehub.pluggy.model.Category;
import io.financehub.pluggy.model.ConnectTokenOptions;
import io.financehub.pluggy.model.Connector;
import io.financehub.pluggy.model.CursorPageResponse;
import io.financehub.pluggy.model.Item;
import io.financehub.pluggy.model.PageResponse;
import io.financehub.pluggy.model.Transaction;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;

/**
 * Pluggy's HTTP API, as is. Only {@link PluggyClient} calls it: the API key, rate limits, retries, the circuit
 * breaker and error typing live there. Every non-2xx answer becomes a {@link PluggyApiException}.
 */
@RegisterRestClient(configKey = "pluggy")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface PluggyApi {

    String API_KEY = "X-API-KEY";

    @POST
    @Path("/auth")
    Uni<AuthResponse> auth(AuthRequest request);

    @POST
    @Path("/connect_token")
    Uni<ConnectTokenResponse> createConnectToken(@HeaderParam(API_KEY) String apiKey, ConnectTokenRequest request);

    @GET
    @Path("/connectors")
    Uni<PageResponse<Connector>> connectors(@HeaderParam(API_KEY) String apiKey, @QueryParam("page") Integer page,
            @QueryParam("name") String name, @QueryParam("countries") String countries,
            @QueryParam("types") String types, @QueryParam("sandbox") Boolean sandbox,
            @QueryParam("isOpenFinance") Boolean isOpenFinance);

    @GET
    @Path("/connectors/{id}")
    Uni<Connector> connector(@HeaderParam(API_KEY) String apiKey, @PathParam("id") int id);

    @POST
    @Path("/items")
    Uni<Item> createItem(@HeaderParam(API_KEY) String apiKey, ItemRequest request);

    @GET
    @Path("/items/{id}")
    Uni<Item> item(@HeaderParam(API_KEY) String apiKey, @PathParam("id") String id);

    @PATCH
    @Path("/items/{id}")
    Uni<Item> updateItem(@HeaderParam(API_KEY) String apiKey, @PathParam("id") String id, ItemRequest request);

    @DELETE
    @Path("/items/{id}")
    Uni<Response> deleteItem(@HeaderParam(API_KEY) String apiKey, @PathParam("id") String id);

    @POST
    @Path("/items/{id}/mfa")
    Uni<Item> sendMfa(@HeaderParam(API_KEY) String apiKey, @PathParam("id") String id, Map<String, String> parameters);

    @GET
    @Path("/accounts")
    Uni<PageResponse<Account>> accounts(@HeaderParam(API_KEY) String apiKey, @QueryParam("itemId") String itemId,
            @QueryParam("type") String type);

    @GET
    @Path("/accounts/{id}")
    Uni<Account> account(@HeaderParam(API_KEY) String apiKey, @PathParam("id") String id);

    @GET
    @Path("/v2/transactions")
    Uni<CursorPageResponse<Transaction>> transactions(@HeaderParam(API_KEY) String apiKey,
            @QueryParam("accountId") String accountId, @QueryParam("dateFrom") String dateFrom,
            @QueryParam("dateTo") String dateTo, @QueryParam("createdAtFrom") String createdAtFrom,
            @QueryParam("after") String after, @QueryParam("ids") String ids, @QueryParam("pageSize") Integer pageSize);

    /** GET /v2/transactions as its raw JSON body, for a caller that reads the page as it parses it. */
    @GET
    @Path("/v2/transactions")
    Uni<byte[]> transactionsJson(@HeaderParam(API_KEY) String apiKey, @QueryParam("accountId") String accountId,
            @QueryParam("dateFrom") String dateFrom, @QueryParam("dateTo") String dateTo,
            @QueryParam("createdAtFrom") String createdAtFrom, @QueryParam("after") String after,
            @QueryParam("pageSize") Integer pageSize);

    /** Deprecated by Pluggy in favour of /v2/transactions; kept as a fallback. */
    @GET
    @Path("/transactions")
    Uni<PageResponse<Transaction>> transactionsByPage(@HeaderParam(API_KEY) String apiKey,
            @QueryParam("accountId") String accountId, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("createdAtFrom") String createdAtFrom, @QueryParam("page") Integer page,
            @QueryParam("pageSize") Integer pageSize);

    /** The deprecated GET /transactions as its raw JSON body. */
    @GET
    @Path("/transactions")
    Uni<byte[]> transactionsByPageJson(@HeaderParam(API_KEY) String apiKey, @QueryParam("accountId") String accountId,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("createdAtFrom") String createdAtFrom, @QueryParam("page") Integer page,
            @QueryParam("pageSize") Integer pageSize);

    @GET
    @Path("/transactions/{id}")
    Uni<Transaction> transaction(@HeaderParam(API_KEY) String apiKey, @PathParam("id") String id);

    @GET
    @Path("/categories")
    Uni<PageResponse<Category>> categories(@HeaderParam(API_KEY) String apiKey);

    /** Pluggy's error body {code, codeDescription, message} → a typed exception carrying it and Retry-After. */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        ErrorBody body = null;
        if (response.hasEntity()) {
            try {
                body = response.readEntity(ErrorBody.class);
            } catch (ProcessingException | ClientWebApplicationException notJson) {
                // A proxy's HTML error page, say: the status alone must do.
                body = null;
            }
        }
        return PluggyApiException.of(response.getStatus(), body == null ? null : body.code(),
                body == null ? null : body.codeDescription(), body == null ? null : body.message(),
                response.getHeaderString(HttpHeaders.RETRY_AFTER));
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ErrorBody(Integer code, String codeDescription, String message) {
    }

    @RegisterForReflection
    record AuthRequest(String clientId, String clientSecret, boolean nonExpiring) {

        @Override
        public String toString() {
            return "AuthRequest[clientId=" + clientId + "]";
        }
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    record AuthResponse(String apiKey) {

        @Override
        public String toString() {
            return "AuthResponse[apiKey=***]";
        }
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ConnectTokenRequest(String itemId, ConnectTokenOptions options) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ConnectTokenResponse(String accessToken) {
    }

    /** Body of POST /items and PATCH /items/{id}: the connector (on create), credentials, and item options. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ItemRequest(Integer connectorId, Map<String, String> parameters, String webhookUrl, String clientUserId,
            List<String> products, Boolean avoidDuplicates, String oauthRedirectUri) {
    }
}
