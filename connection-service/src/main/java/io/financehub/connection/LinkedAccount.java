package io.financehub.connection;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A Pluggy account of an item: the account→item index (which item to sync for an account) plus what the callback
 * shows. The ledger owns accounts as the user sees them.
 */
@Entity
@Table(name = "accounts")
public class LinkedAccount extends PanacheEntityBase {

    @Id
    @Column(name = "pluggy_account_id")
    public String pluggyAccountId;
    @Column(name = "item_id")
    public UUID itemId;
    @Column(name = "company_id")
    public UUID companyId;
    public String type;
    public String subtype;
    public String name;
    public String number;
    public BigDecimal balance;
    @Column(name = "currency_code")
    public String currencyCode;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
