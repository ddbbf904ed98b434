package io.financehub.ledger.repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.contracts.events.AccountData;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Writes banking.accounts into the accounts read model with conditional upserts (newer snapshot wins, a removed item
 * stays removed), through the reactive client like the rest of the ingest.
 */
@ApplicationScoped
public class AccountSnapshotRepository {

    private static final String UPSERT = """
            INSERT INTO accounts AS a (company_id, pluggy_account_id, pluggy_item_id, connector_name, type, subtype,
                name, marketing_name, number, owner, balance, currency_code, balance_date, bank_data, credit_data,
                is_active, observed_at, tax_number)
            SELECT $1, u.id, $2, $3, u.type, u.subtype, u.name, u.marketing_name, u.number, u.owner,
                   coalesce(u.balance, 0), coalesce(u.currency_code, 'BRL'), u.balance_date, u.bank_data::jsonb,
                   u.credit_data::jsonb, true, $4, u.tax_number
            FROM unnest($5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[],
                        $12::numeric[], $13::text[], $14::timestamptz[], $15::text[], $16::text[], $17::text[])
              AS u(id, type, subtype, name, marketing_name, number, owner, balance, currency_code, balance_date,
                   bank_data, credit_data, tax_number)
            WHERE NOT EXISTS (SELECT 1 FROM removed_items r WHERE r.pluggy_item_id = $2)
            ON CONFLICT (pluggy_account_id) DO UPDATE SET
                pluggy_item_id = EXCLUDED.pluggy_item_id, connector_name = EXCLUDED.connector_name,
                type = EXCLUDED.type, subtype = EXCLUDED.subtype, name = EXCLUDED.name,
                marketing_name = EXCLUDED.marketing_name, number = EXCLUDED.number, owner = EXCLUDED.owner,
                balance = EXCLUDED.balance, currency_code = EXCLUDED.currency_code,
                balance_date = EXCLUDED.balance_date, bank_data = EXCLUDED.bank_data,
                credit_data = EXCLUDED.credit_data, is_active = true, observed_at = EXCLUDED.observed_at,
                tax_number = EXCLUDED.tax_number, updated_at = now()
            WHERE a.removed_at IS NULL AND a.company_id = EXCLUDED.company_id
              AND EXCLUDED.observed_at >= a.observed_at
            """;

    /** Accounts of the item missing from a newer snapshot are no longer reported by the bank. */
    private static final String DEACTIVATE_MISSING = """
            UPDATE accounts SET is_active = false, observed_at = $3, updated_at = now()
            WHERE pluggy_item_id = $1 AND company_id = $2 AND pluggy_account_id <> ALL($4::text[])
              AND removed_at IS NULL AND is_active AND observed_at <= $3
            """;

    private static final String RECORD_REMOVAL = """
            INSERT INTO removed_items (pluggy_item_id, mode, removed_at) VALUES ($1, $2, $3)
            ON CONFLICT (pluggy_item_id) DO NOTHING
            """;

    private static final String REMOVE = """
            UPDATE accounts SET removed_at = $3, removal_mode = $2, is_active = false, updated_at = now()
            WHERE (pluggy_item_id = $1 OR pluggy_account_id = ANY($4::text[])) AND removed_at IS NULL
              AND ($5::uuid IS NULL OR company_id = $5)
            """;

    private static final String ERASE = """
            WITH removed AS (
                SELECT id FROM accounts
                WHERE (pluggy_item_id = $1 OR pluggy_account_id = ANY($2::text[])) AND removal_mode = 'DELETE'
            ), held AS (
                DELETE FROM held_back_transactions WHERE account_id IN (SELECT id FROM removed)
            ), parked AS (
                DELETE FROM pending_batches WHERE pluggy_account_id = ANY($2::text[])
            ), removed_rows AS (
                DELETE FROM removed_transactions WHERE account_id IN (SELECT id FROM removed)
            ), links AS (
                DELETE FROM transaction_replacements WHERE transaction_id IN
                    (SELECT id FROM transactions WHERE account_id IN (SELECT id FROM removed))
            )
            DELETE FROM transactions WHERE account_id IN (SELECT id FROM removed)
            """;

    public Uni<Integer> upsert(SqlConnection conn, UUID companyId, String itemId, String connectorName,
            Instant observedAt, List<AccountData> accounts, JsonColumns json) {
        int n = accounts.size();
        String[] ids = new String[n];
        String[] types = new String[n];
        String[] subtypes = new String[n];
        String[] names = new String[n];
        String[] marketingNames = new String[n];
        String[] numbers = new String[n];
        String[] owners = new String[n];
        BigDecimal[] balances = new BigDecimal[n];
        String[] currencies = new String[n];
        OffsetDateTime[] balanceDates = new OffsetDateTime[n];
        String[] bankData = new String[n];
        String[] creditData = new String[n];
        String[] taxNumbers = new String[n];
        for (int i = 0; i < n; i++) {
            AccountData a = accounts.get(i);
            ids[i] = a.pluggyAccountId();
            types[i] = a.type() == null ? "BANK" : a.type();
            subtypes[i] = a.subtype();
            names[i] = a.name();
            marketingNames[i] = a.marketingName();
            numbers[i] = a.number();
            owners[i] = a.owner();
            balances[i] = a.balance();
            currencies[i] = a.currencyCode();
            balanceDates[i] = utc(a.balanceDate());
            bankData[i] = json.write(a.bankData());
            creditData[i] = json.write(a.creditData());
            taxNumbers[i] = TransactionRows.digits(a.taxNumber());
        }
        Tuple tuple = Tuple.of(companyId, itemId, connectorName, utc(observedAt))
                .addArrayOfString(ids).addArrayOfString(types).addArrayOfString(subtypes).addArrayOfString(names)
                .addArrayOfString(marketingNames).addArrayOfString(numbers).addArrayOfString(owners)
                .addArrayOfBigDecimal(balances).addArrayOfString(currencies).addArrayOfOffsetDateTime(balanceDates)
                .addArrayOfString(bankData).addArrayOfString(creditData).addArrayOfString(taxNumbers);
        return conn.preparedQuery(UPSERT).execute(tuple).map(RowSet::rowCount);
    }

    public Uni<Integer> deactivateMissing(SqlConnection conn, UUID companyId, String itemId, Instant observedAt,
            String[] present) {
        return conn.preparedQuery(DEACTIVATE_MISSING)
                .execute(Tuple.of(itemId, companyId, utc(observedAt), present)).map(RowSet::rowCount);
    }

    /**
     * Marks the item's accounts removed (final: later snapshots and batches for them are dropped) and, in DELETE
     * mode, erases their transactions.
     */
    public Uni<Integer> remove(SqlConnection conn, UUID companyId, String itemId, String mode, Instant removedAt,
            String[] accountIds) {
        OffsetDateTime at = utc(removedAt);
        return conn.preparedQuery(RECORD_REMOVAL).execute(Tuple.of(itemId, mode, at))
                .flatMap(r -> conn.preparedQuery(REMOVE)
                        .execute(Tuple.of(itemId, mode, at, accountIds, companyId)))
                .flatMap(r -> conn.preparedQuery(ERASE).execute(Tuple.of(itemId, accountIds)))
                .map(RowSet::rowCount);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
