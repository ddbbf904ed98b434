package io.financehub.ledger.rest;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.financehub.ledger.repository.TransactionQueryRepository.Replacement;
import io.financehub.ledger.service.TransactionService.Detail;

/**
 * A transaction and the ledger's decisions about it: {@code transfer_counterpart_id}, the other side of its transfer;
 * {@code replaces}, the earlier Pluggy ids of the same payment (Pluggy re-ids a transaction whose description,
 * amount or date changed), with how alike they were.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TransactionDetailView(@JsonUnwrapped TransactionView transaction, UUID transferCounterpartId,
        List<ReplacedView> replaces) {

    static TransactionDetailView of(Detail detail) {
        return new TransactionDetailView(TransactionView.of(detail.transaction()), detail.transferCounterpartId(),
                detail.replaces().stream().map(ReplacedView::of).toList());
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ReplacedView(String pluggyTransactionId, String replacedBy, java.math.BigDecimal amountDifference,
            int daysApart, float descriptionSimilarity, java.time.Instant linkedAt) {

        static ReplacedView of(Replacement r) {
            return new ReplacedView(r.replacedPluggyTransactionId(), r.pluggyTransactionId(), r.amountDifference(),
                    r.daysApart(), r.descriptionSimilarity(), r.linkedAt());
        }
    }
}
