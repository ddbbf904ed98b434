package io.financehub.sandbox.api;

import java.util.List;

import org.jboss.resteasy.reactive.RestQuery;

import io.financehub.sandbox.auth.CurrentCaller;
import io.financehub.sandbox.data.AccountView;
import io.financehub.sandbox.data.SandboxAccount;
import io.financehub.sandbox.item.Item;
import io.financehub.sandbox.item.ItemService;
import io.financehub.sandbox.item.SandboxStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** GET /accounts?itemId[&type] and GET /accounts/{id}. */
@Path("/accounts")
public class AccountResource {

    private final SandboxStore store;
    private final ItemService items;
    private final CurrentCaller caller;

    public AccountResource(SandboxStore store, ItemService items, CurrentCaller caller) {
        this.store = store;
        this.items = items;
        this.caller = caller;
    }

    @GET
    public Page<AccountView> list(@RestQuery String itemId, @RestQuery String type) {
        Item item = items.visible(Params.required("itemId", itemId), caller.get());
        List<AccountView> results = store.accountsOf(item).stream()
                .filter(a -> type == null || type.equalsIgnoreCase(a.kind().type()))
                .map(SandboxAccount::view).toList();
        return Page.single(results);
    }

    @GET
    @Path("{id}")
    public AccountView get(@PathParam("id") String id) {
        return store.account(id).map(SandboxAccount::view).orElseThrow(() -> PluggyException.notFound("Account", id));
    }
}
