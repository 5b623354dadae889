package sunshine.supervision;

import java.time.LocalDate;
import java.util.List;

/** Everything a draw depends on: with these, anyone gets the same sample ({@link InspectionService#replay}). */
public record DrawInput(TargetKind targetKind, String announcement, LocalDate drawDate, String beacon,
                        int sampleSize, int inspectorsPerTarget, List<PoolTarget> targets,
                        List<Inspector> inspectors) {
}
