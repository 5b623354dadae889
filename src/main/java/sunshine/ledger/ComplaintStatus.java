package sunshine.ledger;

import java.time.OffsetDateTime;

/**
 * What anyone holding a tracking code may learn about the complaint: its stage and dates, nothing about the
 * people involved or who handles it.
 */
public record ComplaintStatus(String trackingCode, Stage stage, String labelZh, String labelEn,
                              OffsetDateTime receivedAt, OffsetDateTime updatedAt) {

    /** The stages the public sees. */
    public enum Stage {
        /** received, not yet taken up (NEW, ASSIGNED) */
        RECEIVED("已受理", "received"),
        /** being verified or reviewed (VERIFYING, DISMISSAL_REVIEW) */
        VERIFYING("核查中", "being verified"),
        /** found true, being rectified (CONFIRMED, RECTIFYING, REVIEW) */
        RECTIFYING("情况属实，正在整改", "found true, being rectified"),
        /** found true and rectified (CLOSED) */
        CLOSED("情况属实，已整改销号", "found true, rectified and closed"),
        /** not found true (DISMISSED) */
        NOT_SUBSTANTIATED("经核查情况不属实", "not substantiated on verification");

        private final String labelZh;
        private final String labelEn;

        Stage(String labelZh, String labelEn) {
            this.labelZh = labelZh;
            this.labelEn = labelEn;
        }

        public String labelZh() {
            return labelZh;
        }

        public String labelEn() {
            return labelEn;
        }

        public static Stage of(LedgerStatus s) {
            return switch (s) {
                case NEW, ASSIGNED -> RECEIVED;
                case VERIFYING, DISMISSAL_REVIEW -> VERIFYING;
                case CONFIRMED, RECTIFYING, REVIEW -> RECTIFYING;
                case CLOSED -> CLOSED;
                case DISMISSED -> NOT_SUBSTANTIATED;
            };
        }
    }
}
