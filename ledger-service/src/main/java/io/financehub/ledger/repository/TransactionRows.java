package io.financehub.ledger.repository;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.financehub.contracts.events.Merchant;
import io.financehub.contracts.events.TransactionData;
import io.financehub.ledger.SearchText;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A batch of transactions as column arrays, the parameters of the one set-based upsert ({@code unnest} turns them back
 * into rows on the server).
 */
public final class TransactionRows {

    final String[] ids;
    final String[] types;
    final String[] statuses;
    final String[] descriptions;
    final String[] descriptionsRaw;
    final BigDecimal[] amounts;
    final BigDecimal[] amountsInAccountCurrency;
    final BigDecimal[] balances;
    final String[] currencyCodes;
    final OffsetDateTime[] dates;
    final String[] pluggyCategoryIds;
    final String[] pluggyCategoryDescriptions;
    final String[] merchantNames;
    final String[] merchants;
    final String[] paymentData;
    final String[] creditCardMetadata;
    final String[] providerCodes;
    final String[] providerIds;
    final String[] operationTypes;
    final String[] searchTexts;
    final OffsetDateTime[] createdAts;
    final OffsetDateTime[] updatedAts;

    public TransactionRows(List<TransactionData> rows, String defaultCurrency, JsonColumns json) {
        int n = rows.size();
        ids = new String[n];
        types = new String[n];
        statuses = new String[n];
        descriptions = new String[n];
        descriptionsRaw = new String[n];
        amounts = new BigDecimal[n];
        amountsInAccountCurrency = new BigDecimal[n];
        balances = new BigDecimal[n];
        currencyCodes = new String[n];
        dates = new OffsetDateTime[n];
        pluggyCategoryIds = new String[n];
        pluggyCategoryDescriptions = new String[n];
        merchantNames = new String[n];
        merchants = new String[n];
        paymentData = new String[n];
        creditCardMetadata = new String[n];
        providerCodes = new String[n];
        providerIds = new String[n];
        operationTypes = new String[n];
        searchTexts = new String[n];
        createdAts = new OffsetDateTime[n];
        updatedAts = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            TransactionData t = rows.get(i);
            Merchant merchant = t.merchant();
            String description = t.description() == null ? "" : t.description();
            ids[i] = t.id();
            types[i] = t.type();
            statuses[i] = t.status() == null ? "POSTED" : t.status();
            descriptions[i] = description;
            descriptionsRaw[i] = t.descriptionRaw();
            amounts[i] = money(t.amount());
            amountsInAccountCurrency[i] = money(t.amountInAccountCurrency());
            balances[i] = money(t.balance());
            currencyCodes[i] = t.currencyCode() == null ? defaultCurrency : t.currencyCode();
            dates[i] = utc(t.date());
            pluggyCategoryIds[i] = t.categoryId();
            pluggyCategoryDescriptions[i] = t.category();
            merchantNames[i] = merchant == null ? null : merchant.name();
            merchants[i] = json.write(merchant);
            paymentData[i] = json.write(t.paymentData());
            creditCardMetadata[i] = json.write(t.creditCardMetadata());
            providerCodes[i] = t.providerCode();
            providerIds[i] = t.providerId();
            operationTypes[i] = t.operationType();
            searchTexts[i] = SearchText.ofTransaction(description, merchantNames[i],
                    merchant == null ? null : merchant.businessName());
            createdAts[i] = utc(t.createdAt());
            updatedAts[i] = utc(t.updatedAt());
        }
    }

    public int size() {
        return ids.length;
    }

    /** Appends the 22 column arrays, in the order of {@link TransactionIngestRepository#UPSERT}'s unnest. */
    Tuple appendTo(Tuple tuple) {
        return tuple.addArrayOfString(ids).addArrayOfString(types).addArrayOfString(statuses)
                .addArrayOfString(descriptions).addArrayOfString(descriptionsRaw)
                .addArrayOfBigDecimal(amounts).addArrayOfBigDecimal(amountsInAccountCurrency)
                .addArrayOfBigDecimal(balances).addArrayOfString(currencyCodes).addArrayOfOffsetDateTime(dates)
                .addArrayOfString(pluggyCategoryIds).addArrayOfString(pluggyCategoryDescriptions)
                .addArrayOfString(merchantNames).addArrayOfString(merchants).addArrayOfString(paymentData)
                .addArrayOfString(creditCardMetadata).addArrayOfString(providerCodes).addArrayOfString(providerIds)
                .addArrayOfString(operationTypes).addArrayOfString(searchTexts).addArrayOfOffsetDateTime(createdAts)
                .addArrayOfOffsetDateTime(updatedAts);
    }

    private static BigDecimal money(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_EVEN);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
