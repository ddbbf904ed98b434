package io.financehub.sandbox.data;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Pluggy's Transaction, field for field. Amounts follow Pluggy's sign convention: on BANK accounts money out is
 * negative; on CREDIT (card) accounts a purchase is positive (type DEBIT) and a payment or refund negative (CREDIT).
 */
@RegisterForReflection
public record Transaction(
        String id,
        String accountId,
        Instant date,
        String description,
        String descriptionRaw,
        String type,
        BigDecimal amount,
        BigDecimal amountInAccountCurrency,
        BigDecimal balance,
        String currencyCode,
        String category,
        String categoryId,
        String status,
        String providerCode,
        String providerId,
        String operationType,
        String operationTypeAdditionalInfo,
        PaymentData paymentData,
        CreditCardMetadata creditCardMetadata,
        Merchant merchant,
        Instant createdAt,
        Instant updatedAt) {

    @RegisterForReflection
    public record PaymentData(Participant payer, Participant receiver, String paymentMethod, String referenceNumber,
            String reason, String receiverReferenceId, BoletoMetadata boletoMetadata) {
    }

    @RegisterForReflection
    public record Participant(Document documentNumber, String name, String accountNumber, String branchNumber,
            String routingNumber, String routingNumberISPB) {
    }

    @RegisterForReflection
    public record Document(String type, String value) {
    }

    @RegisterForReflection
    public record BoletoMetadata(String digitableLine, String barcode, BigDecimal baseAmount,
            BigDecimal penaltyAmount, BigDecimal interestAmount, BigDecimal discountAmount) {
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CreditCardMetadata(Integer installmentNumber, Integer totalInstallments, BigDecimal totalAmount,
            Integer payeeMCC, Instant purchaseDate, String billId, String cardNumber) {
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Merchant(String name, String businessName, String cnpj, String cnae, String category) {
    }
}
