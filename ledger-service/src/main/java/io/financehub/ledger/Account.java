package io.financehub.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

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
    public String type;
    public String subtype;
    public String name;
    @Column(name = "marketing_name")
    public String marketingName;
    public String number;
    public BigDecimal balance;
    @Column(name = "currency_code")
    public String currencyCode;
    @Column(name = "balance_date")
    public Instant balanceDate;
    @Column(name = "is_active")
    public boolean active;
}
