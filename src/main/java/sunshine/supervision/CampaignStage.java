package sunshine.supervision;

import java.time.LocalDate;

/** One stage of a campaign, with its dates (both included). */
public record CampaignStage(Kind kind, LocalDate startsOn, LocalDate endsOn) {

    /** The stages of workflows.md §5, in their usual order. */
    public enum Kind {
        SELF_CHECK("自查自纠"), FULL_INSPECTION("全面排查"), KEY_SPOT_CHECK("重点抽查"), RECTIFICATION("整改落实");

        private final String labelZh;

        Kind(String labelZh) {
            this.labelZh = labelZh;
        }

        public String labelZh() {
            return labelZh;
        }
    }
}
