package sunshine.supervision;

import java.util.List;

/** A random inspection with its pools, its draw (null before) and its results. */
public record InspectionDetail(InspectionPlan plan, List<PoolTarget> targets, List<Inspector> inspectors,
                               Draw draw, List<InspectionResult> results) {
}
