package sunshine.supervision;

import java.time.LocalDate;
import java.util.List;

/**
 * A random inspection to announce.
 *
 * @param regionCode          the region it covers (the actor's, or within it; county level or above)
 * @param announcement        the public announcement, fixed from now on; the seed is derived from it. Name in it
 *                            the public value (the beacon) that will be taken on the draw date, e.g. the welfare
 *                            lottery's numbers of that day, so that nobody knows the seed beforehand
 * @param drawDate            the day of the draw (today or later)
 * @param inspectorsPerTarget inspectors per target (default 2)
 * @param targets             the target pool; for TOWN and VILLAGE it may be empty: the registry's towns or villages
 *                            in the region are taken
 */
public record NewInspection(String name, String regionCode, TargetKind targetKind, String announcement,
                            LocalDate drawDate, Sample sample, Integer inspectorsPerTarget,
                            List<PoolTarget> targets, List<Inspector> inspectors) {
}
