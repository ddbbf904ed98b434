package io.financehub.sandbox.data;

/** The kinds of account the generator knows, each with Pluggy's type and subtype. */
public enum AccountKind {
    CHECKING("BANK", "CHECKING_ACCOUNT", "Conta Corrente"),
    SAVINGS("BANK", "SAVINGS_ACCOUNT", "Poupança"),
    BUSINESS_CHECKING("BANK", "CHECKING_ACCOUNT", "Conta Corrente PJ"),
    CREDIT_CARD("CREDIT", "CREDIT_CARD", "Cartão de Crédito");

    private final String type;
    private final String subtype;
    private final String displayName;

    AccountKind(String type, String subtype, String displayName) {
        this.type = type;
        this.subtype = subtype;
        this.displayName = displayName;
    }

    public String type() {
        return type;
    }

    public String subtype() {
        return subtype;
    }

    public String displayName() {
        return displayName;
    }

    public boolean isCredit() {
        return this == CREDIT_CARD;
    }

    public static AccountKind of(String type, String subtype) {
        if ("CREDIT".equalsIgnoreCase(type) || "CREDIT_CARD".equalsIgnoreCase(subtype)) {
            return CREDIT_CARD;
        }
        if ("SAVINGS_ACCOUNT".equalsIgnoreCase(subtype)) {
            return SAVINGS;
        }
        return CHECKING;
    }
}
