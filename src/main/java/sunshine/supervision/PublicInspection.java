package sunshine.supervision;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the public sees of a random inspection: from its announcement, the announcement, draw date, pools and pool
 * hash (everything needed to replay the draw); once drawn, the beacon, seed and sample; once published, each
 * sampled target's outcome and public summary. Labels of households and enrollments are never shown.
 */
public record PublicInspection(long id, String name, String regionCode, TargetKind targetKind, String announcement,
                               LocalDate drawDate, String poolHash, int sampleSize, int inspectorsPerTarget,
                               InspectionPlan.Status status, OffsetDateTime announcedAt, List<PoolTarget> targets,
                               List<Inspector> inspectors, String beacon, String seed, Draw draw,
                               List<Outcome> results) {

    /** A published result. */
    public record Outcome(String targetId, ResultInput.Outcome outcome, LocalDate inspectedOn, String summary,
                          int problems) {
    }
}
