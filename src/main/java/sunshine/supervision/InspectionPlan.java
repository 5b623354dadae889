package sunshine.supervision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A random inspection.
 *
 * @param poolHash SHA-256 of the canonical pool text (targets, inspectors, sample size, inspectors per target):
 *                 published with the announcement, it binds the pools before the draw
 * @param seed     SHA-256 seed of the draw, once drawn
 */
public record InspectionPlan(long id, String name, String regionCode, TargetKind targetKind, String announcement,
                             LocalDate drawDate, String poolHash, Sample.Mode sampleMode, int sampleSize,
                             BigDecimal confidence, BigDecimal margin, BigDecimal proportion, int inspectorsPerTarget,
                             Status status, String beacon, String seed, String createdBy, OffsetDateTime createdAt,
                             OffsetDateTime drawnAt, OffsetDateTime publishedAt, int poolSize, int inspectorCount,
                             long version) {

    public enum Status {
        /** announced: announcement, date and pools public and fixed */
        ANNOUNCED,
        /** drawn: seed and sample stored */
        DRAWN,
        /** results published */
        PUBLISHED
    }
}
