package sunshine.supervision;

import java.time.LocalDate;
import java.util.List;

/**
 * A campaign to create.
 *
 * @param regions    the regions it covers (each within the actor's; any level)
 * @param programs   the programs it is about (DIBAO_URBAN ...); empty: every program
 * @param periodFrom the first day whose problems count (the day an item entered the ledger)
 * @param periodTo   the last day whose problems count
 * @param stages     its stages with their dates
 */
public record NewCampaign(String name, List<String> regions, List<String> programs, LocalDate periodFrom,
                          LocalDate periodTo, List<CampaignStage> stages) {
}
