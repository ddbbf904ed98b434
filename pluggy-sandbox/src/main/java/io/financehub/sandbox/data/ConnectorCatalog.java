package io.financehub.sandbox.data;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.financehub.sandbox.data.Connector.Credential;
import io.financehub.sandbox.data.Connector.Health;
import io.financehub.sandbox.data.Connector.LoginRule;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The connectors the sandbox offers. The Pluggy Bank family mirrors Pluggy's own sandbox connectors (isSandbox, listed
 * only with {@code sandbox=true}); "Sandbox Bank" (201) and "Sandbox Credit Union" (202) stand in for live
 * institutions in the local stack and accept any credentials.
 */
@ApplicationScoped
public class ConnectorCatalog {

    public static final int PLUGGY_BANK = 0;
    public static final int PLUGGY_BANK_BUSINESS = 1;
    public static final int PLUGGY_BANK_MFA = 2;
    public static final int PLUGGY_BANK_MFA_TWO_STEPS = 3;
    public static final int PLUGGY_CARD = 4;
    public static final int PLUGGY_BANK_OPEN_FINANCE = 5;
    public static final int SANDBOX_BANK = 201;
    public static final int SANDBOX_CREDIT_UNION = 202;

    private static final Instant CREATED = Instant.parse("2020-01-15T12:00:00.000Z");
    private static final List<String> BANK_PRODUCTS = List.of("ACCOUNTS", "CREDIT_CARDS", "TRANSACTIONS",
            "PAYMENT_DATA", "IDENTITY");

    public static final Credential USER = new Credential("User", "user", "text", null, null,
            "Test users: user-ok, user-locked, user-error, ...", null, "^.{1,}$", "User is required", "user-ok",
            false, null, null);
    public static final Credential PASSWORD = new Credential("Password", "password", "password", null, null, null,
            null, "^.{1,}$", "Password is required", "password-ok", false, null, null);
    public static final Credential CPF = new Credential("CPF", "cpf", "number", null, null,
            "The CPF of the account holder", null, "^\\d{11}$", "CPF must have 11 digits", "000.000.000-00", false,
            null, null);
    public static final Credential MFA_TOKEN = new Credential("Token", "token", "number", true, null, null, null,
            "^\\d{6}$", "The token has 6 digits", "123456", false,
            "Type the 6-digit token sent to your phone (sandbox: 123456)", null);
    public static final Credential MFA_SECOND_TOKEN = new Credential("Security card code", "token2", "number", true,
            null, null, null, "^\\d{6}$", "The code has 6 digits", "123456", false,
            "Type the code of your security card (sandbox: 123456)", null);

    private final Map<Integer, Connector> byId = new ConcurrentHashMap<>();

    public ConnectorCatalog() {
        reset();
    }

    /** Back to the catalogue's initial health (control API reset). */
    public final void reset() {
        byId.clear();
        add(bank(PLUGGY_BANK, "Pluggy Bank", "PERSONAL_BANK", "ef294e", List.of(USER, PASSWORD), false, false, true,
                LoginRule.PLUGGY_BANK, List.of(AccountKind.CHECKING, AccountKind.SAVINGS, AccountKind.CREDIT_CARD)));
        add(bank(PLUGGY_BANK_BUSINESS, "Pluggy Bank Empresas", "BUSINESS_BANK", "2e3a87", List.of(USER, PASSWORD),
                false, false, true, LoginRule.PLUGGY_BANK, List.of(AccountKind.BUSINESS_CHECKING)));
        add(bank(PLUGGY_BANK_MFA, "Pluggy Bank MFA", "PERSONAL_BANK", "ef294e", List.of(USER, PASSWORD), true, false,
                true, LoginRule.MFA_ONE_STEP, List.of(AccountKind.CHECKING, AccountKind.CREDIT_CARD)));
        add(bank(PLUGGY_BANK_MFA_TWO_STEPS, "Pluggy Bank MFA 2-step", "PERSONAL_BANK", "ef294e",
                List.of(USER, PASSWORD), true, false, true, LoginRule.MFA_TWO_STEPS, List.of(AccountKind.CHECKING)));
        add(bank(PLUGGY_CARD, "Pluggy Cartões", "PERSONAL_BANK", "8a05be", List.of(USER, PASSWORD), false, false,
                true, LoginRule.PLUGGY_BANK, List.of(AccountKind.CREDIT_CARD)));
        add(bank(PLUGGY_BANK_OPEN_FINANCE, "Pluggy Bank Open Finance", "PERSONAL_BANK", "00b37e", List.of(CPF),
                false, true, true, LoginRule.OPEN_FINANCE, List.of(AccountKind.CHECKING, AccountKind.CREDIT_CARD)));
        add(bank(SANDBOX_BANK, "Sandbox Bank", "PERSONAL_BANK", "1f6feb", List.of(USER, PASSWORD), false, false,
                false, LoginRule.ANY, List.of(AccountKind.CHECKING, AccountKind.SAVINGS, AccountKind.CREDIT_CARD)));
        add(bank(SANDBOX_CREDIT_UNION, "Sandbox Credit Union", "BUSINESS_BANK", "0f9d58", List.of(USER, PASSWORD),
                false, false, false, LoginRule.ANY, List.of(AccountKind.BUSINESS_CHECKING, AccountKind.CREDIT_CARD)));
    }

    private void add(Connector connector) {
        byId.put(connector.id(), connector);
    }

    private static Connector bank(int id, String name, String type, String color, List<Credential> credentials,
            boolean mfa, boolean openFinance, boolean sandbox, LoginRule login, List<AccountKind> kinds) {
        String slug = name.toLowerCase().replaceAll("[^a-z0-9]+", "-");
        return new Connector(id, name, "https://" + slug + ".example.com.br",
                "https://cdn.pluggy.ai/assets/connector-icons/" + id + ".svg", color, type, "BR", credentials, mfa,
                false, new Health("ONLINE", null), openFinance, sandbox, false, false, false, false, false,
                BANK_PRODUCTS, CREATED, CREATED, login, kinds);
    }

    public List<Connector> all() {
        List<Connector> list = new ArrayList<>(byId.values());
        list.sort((a, b) -> Integer.compare(a.id(), b.id()));
        return list;
    }

    public Optional<Connector> find(int id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Connector setHealth(int id, String status) {
        return byId.computeIfPresent(id, (k, c) -> c.withHealth(status));
    }
}
