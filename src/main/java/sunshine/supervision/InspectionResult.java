package sunshine.supervision;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** The recorded result of one sampled target, with the ledger items its problems became. */
public record InspectionResult(String targetId, ResultInput.Outcome outcome, LocalDate inspectedOn, String findings,
                               String publicSummary, List<Long> ledgerItemIds, String recordedBy,
                               OffsetDateTime recordedAt) {
}
