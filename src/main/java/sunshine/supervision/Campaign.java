package sunshine.supervision;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A campaign (专项治理).
 *
 * @param currentStage the stage whose dates include today, or null
 */
public record Campaign(long id, String name, String ownerRegion, List<String> regions, List<String> programs,
                       LocalDate periodFrom, LocalDate periodTo, List<CampaignStage> stages,
                       CampaignStage.Kind currentStage, String createdBy, OffsetDateTime createdAt) {
}
