package io.financehub.ledger.repository;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.financehub.contracts.events.Merchant;
import io.financehub.contracts.events.PaymentData;
import io.financehub.contracts.events.PaymentParticipant;
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
    final String[] merchantKeys;
    final String[] documentKeys;

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
        merchantKeys = new String[n];
        documentKeys = new String[n];
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
            merchantKeys[i] = merchant == null || merchant.name() == null ? null : SearchText.fold(merchant.name());
            documentKeys[i] = documentKey(t);
        }
    }

    public int size() {
        return ids.length;
    }

    /**
     * What a rule's or a transfer's "document" is matched against: the merchant's CNPJ, else the counterparty's
     * CPF/CNPJ (the receiver of money sent, the payer of money received), as digits.
     */
    static String documentKey(TransactionData t) {
        if (t.merchant() != null && digits(t.merchant().cnpj()) != null) {
            return digits(t.merchant().cnpj());
        }
        PaymentData payment = t.paymentData();
        if (payment == null) {
            return null;
        }
        PaymentParticipant counterparty = "CREDIT".equals(t.type()) ? payment.payer() : payment.receiver();
        return counterparty == null || counterparty.documentNumber() == null ? null
                : digits(counterparty.documentNumber().value());
    }

    /** The digits of a CPF/CNPJ however it is punctuated, or null when it has none. */
    public static String digits(String document) {
        if (document == null) {
            return null;
        }
        StringBuilder digits = new StringBuilder(document.length());
        for (int i = 0; i < document.length(); i++) {
            char c = document.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.isEmpty() ? null : digits.toString();
    }

    /** Appends the 24 column arrays, in the order of {@link TransactionIngestRepository#UPSERT}'s unnest. */
    Tuple appendTo(Tuple tuple) {
        return tuple.addArrayOfString(ids).addArrayOfString(types).addArrayOfString(statuses)
                .addArrayOfString(descriptions).addArrayOfString(descriptionsRaw)
                .addArrayOfBigDecimal(amounts).addArrayOfBigDecimal(amountsInAccountCurrency)
                .addArrayOfBigDecimal(balances).addArrayOfString(currencyCodes).addArrayOfOffsetDateTime(dates)
                .addArrayOfString(pluggyCategoryIds).addArrayOfString(pluggyCategoryDescriptions)
                .addArrayOfString(merchantNames).addArrayOfString(merchants).addArrayOfString(paymentData)
                .addArrayOfString(creditCardMetadata).addArrayOfString(providerCodes).addArrayOfString(providerIds)
                .addArrayOfString(operationTypes).addArrayOfString(searchTexts).addArrayOfOffsetDateTime(createdAts)
                .addArrayOfOffsetDateTime(updatedAts).addArrayOfString(merchantKeys).addArrayOfString(documentKeys);
    }

    private static BigDecimal money(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_EVEN);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
