package io.financehub.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Formula;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A bank account of a company, as banking.accounts last reported it. Written only by the ingest
 * (AccountSnapshotRepository); read here for the API.
 */
@Entity
@Table(name = "accounts")
public class Account extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "company_id")
    public UUID companyId;
    @Column(name = "pluggy_account_id")
    public String pluggyAccountId;
    @Column(name = "pluggy_item_id")
    public String pluggyItemId;
    @Column(name = "connector_name")
    public String connectorName;
    public String type;
    public String subtype;
    public String name;
    @Column(name = "marketing_name")
    public String marketingName;
    public String number;
    public String owner;
    public BigDecimal balance;
    @Column(name = "currency_code")
    public String currencyCode;
    @Column(name = "balance_date")
    public Instant balanceDate;
    /** snake_case JSON text, shown as it is stored. */
    @Formula("cast(bank_data as text)")
    public String bankData;
    @Formula("cast(credit_data as text)")
    public String creditData;
    @Column(name = "is_active")
    public boolean active;
    @Column(name = "removal_mode")
    public String removalMode;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The number with all but its last four characters hidden, e.g. {@code ****4321}. */
    public String maskedNumber() {
        if (number == null || number.isBlank()) {
            return null;
        }
        String compact = number.replaceAll("[^0-9A-Za-z]", "");
        String tail = compact.length() <= 4 ? compact : compact.substring(compact.length() - 4);
        return "****" + tail;
    }

    /** The name users know the account by: its name, else its marketing name, else "<connector> - <masked number>". */
    public String displayName() {
        if (name != null && !name.isBlank()) {
            return name;
        }
        if (marketingName != null && !marketingName.isBlank()) {
            return marketingName;
        }
        String masked = maskedNumber();
        String connector = connectorName == null ? "Account" : connectorName;
        return masked == null ? connector : connector + " - " + masked;
    }
}
