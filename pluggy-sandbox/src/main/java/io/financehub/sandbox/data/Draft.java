package io.financehub.sandbox.data;

import io.financehub.sandbox.data.Transaction.CreditCardMetadata;
import io.financehub.sandbox.data.Transaction.Merchant;
import io.financehub.sandbox.data.Transaction.PaymentData;

/** A transaction's content before the ledger gives it an id, a running balance and its timestamps. */
public record Draft(long dateMillis, long amountCents, String type, String description, String descriptionRaw,
        String categoryId, String status, String providerCode, String operationType, PaymentData paymentData,
        CreditCardMetadata creditCardMetadata, Merchant merchant, String providerId) {

    public Draft with(long newDateMillis, long newAmountCents, String newDescription, String newStatus) {
        return new Draft(newDateMillis, newAmountCents, newType(newAmountCents), newDescription,
                newDescription.equals(description) ? descriptionRaw : BrazilianData.raw(newDescription), categoryId,
                newStatus, providerCode, operationType, paymentData, creditCardMetadata, merchant, providerId);
    }

    private String newType(long cents) {
        if (Long.signum(cents) == Long.signum(amountCents)) {
            return type;
        }
        return "DEBIT".equals(type) ? "CREDIT" : "DEBIT";
    }

    public Draft withStatus(String newStatus) {
        return new Draft(dateMillis, amountCents, type, description, descriptionRaw, categoryId, newStatus,
                providerCode, operationType, paymentData, creditCardMetadata, merchant, providerId);
    }

    public Draft withCategory(String newCategoryId) {
        return new Draft(dateMillis, amountCents, type, description, descriptionRaw, newCategoryId, status,
                providerCode, operationType, paymentData, creditCardMetadata, merchant, providerId);
    }
}
