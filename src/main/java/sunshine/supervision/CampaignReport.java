package sunshine.supervision;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A campaign's reporting tables as of {@code generatedAt}, within the region of whoever asked.
 *
 * @param byRegion rolled up county → city → province: each province's row, then each of its cities' rows followed
 *                 by that city's counties; the TOTAL row last
 * @param byType   one row per problem type over the whole scope, then TOTAL
 * @param detail   one row per county and problem type
 */
public record CampaignReport(Campaign campaign, OffsetDateTime generatedAt, List<ReportRow> byRegion,
                             List<ReportRow> byType, List<ReportRow> detail) {

    /** The TOTAL row's figures. */
    public Figures total() {
        return byRegion.get(byRegion.size() - 1).figures();
    }
}
