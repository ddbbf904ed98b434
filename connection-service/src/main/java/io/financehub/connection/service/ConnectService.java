package io.financehub.connection.service;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.connection.config.ConnectionConfig;
import io.financehub.connection.messaging.OutboxRelay;
import io.financehub.connection.repository.ItemRepository;
import io.financehub.connection.service.ItemStateService.Linked;
import io.financehub.contracts.events.SyncTrigger;
import io.financehub.pluggy.PluggyApiException;
import io.financehub.pluggy.PluggyClient;
import io.financehub.pluggy.model.ConnectTokenOptions;
import io.financehub.support.ProblemException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/** Opening the Connect widget, and taking the item it created. */
@ApplicationScoped
public class ConnectService {

    /** A connect token and where to use it. */
    public record ConnectToken(String connectToken, String connectUrl) {
    }

    private static final Pattern PLUGGY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,99}");

    private final PluggyClient pluggy;
    private final ItemRepository items;
    private final ItemStateService states;
    private final OutboxRelay relay;
    private final ConnectionConfig config;

    ConnectService(PluggyClient pluggy, ItemRepository items, ItemStateService states, OutboxRelay relay,
            ConnectionConfig config) {
        this.pluggy = pluggy;
        this.items = items;
        this.states = states;
        this.relay = relay;
        this.config = config;
    }

    /**
     * A token for the widget, whose items carry the caller's company as clientUserId. With {@code itemId} the
     * widget opens that item in update mode (reconnect, new credentials, MFA again).
     */
    public Uni<ConnectToken> connectToken(UUID companyId, String clientUserId, String webhookUrl, String itemId) {
        if (clientUserId != null && !clientUserId.equalsIgnoreCase(companyId.toString())) {
            throw ProblemException.badRequest("client_user_id_mismatch",
                    "client_user_id, when given, must be the caller's company");
        }
        String hook = webhookUrl == null ? pluggy.webhookUrl().orElse(null) : validWebhookUrl(webhookUrl);
        ConnectTokenOptions options = new ConnectTokenOptions(hook, companyId.toString(), null, null);
        Uni<String> pluggyItemId = itemId == null ? Uni.createFrom().nullItem()
                : items.findForCompany(companyId, itemId)
                        .onItem().ifNull().failWith(() -> ProblemException.notFound("Item"))
                        .map(item -> item.pluggyItemId);
        return pluggyItemId.chain(id -> pluggy.createConnectToken(id, options))
                .map(token -> new ConnectToken(token, pluggy.connectUrl()));
    }

    /**
     * The widget finished: fetch the item and its accounts from Pluggy, refuse it unless Pluggy says it was created
     * for the caller's company (a browser can send any id), and link it.
     */
    public Uni<Linked> callback(UUID companyId, String pluggyItemId) {
        if (pluggyItemId == null || !PLUGGY_ID.matcher(pluggyItemId).matches()) {
            throw ProblemException.badRequest("invalid_item_id", "item_id must be the id the Connect widget gave");
        }
        return pluggy.item(pluggyItemId)
                .onFailure(PluggyApiException.class).transform(e -> ((PluggyApiException) e).isNotFound()
                        ? ProblemException.notFound("Item") : e)
                .chain(item -> {
                    if (item.clientUserId() == null || !item.clientUserId().equalsIgnoreCase(companyId.toString())) {
                        Log.warnf("Callback for item %s refused: it was not created for the caller's company",
                                pluggyItemId);
                        return Uni.createFrom().failure(ProblemException.notFound("Item"));
                    }
                    // The snapshot goes out before the sync request (outbox order): once the request is in Kafka,
                    // both are, and the SPA's next read of the ledger finds the accounts.
                    return pluggy.accounts(pluggyItemId)
                            .chain(accounts -> states.link(companyId, item, accounts, SyncTrigger.CALLBACK))
                            .call(linked -> relay.awaitPublished(List.of(linked.sync().requestId()),
                                    config.outbox().publishWait()));
                });
    }

    private static String validWebhookUrl(String value) {
        try {
            URI uri = URI.create(value);
            if (uri.isAbsolute() && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    && uri.getHost() != null && value.length() <= 2048) {
                return value;
            }
        } catch (IllegalArgumentException malformed) {
            // answered below
        }
        throw ProblemException.badRequest("invalid_webhook_url", "webhook_url must be an absolute http(s) URL");
    }
}
