package sunshine.ledger;

/**
 * Where a ledger item stands (workflows.md §3), with the labels users see. The transitions between them are
 * {@link LedgerStep}s, checked by {@link LedgerLifeCycle}.
 */
public enum LedgerStatus {
    NEW("新线索", "new", Stage.ASSIGNMENT),
    ASSIGNED("已交办", "assigned", Stage.VERIFICATION),
    VERIFYING("核查中", "being verified", Stage.VERIFICATION),
    DISMISSAL_REVIEW("排除待县级审核", "dismissal awaiting county review", Stage.DISMISSAL_REVIEW),
    DISMISSED("已排除", "dismissed", Stage.DONE),
    CONFIRMED("问题已确认", "confirmed", Stage.RECTIFICATION),
    RECTIFYING("整改中", "being rectified", Stage.RECTIFICATION),
    REVIEW("销号待县级审核", "closing awaiting county review", Stage.CLOSING_REVIEW),
    CLOSED("已销号", "closed", Stage.DONE);

    /**
     * A stretch of work owned by one unit with one deadline. Entering another stage renews the deadline and
     * hands the item back to the stage's owner.
     */
    public enum Stage {
        /** the county assigns the item to a town */
        ASSIGNMENT,
        /** the town verifies */
        VERIFICATION,
        /** the county reviews a proposed dismissal */
        DISMISSAL_REVIEW,
        /** the town rectifies */
        RECTIFICATION,
        /** the county reviews the rectification and closes */
        CLOSING_REVIEW,
        /** nothing more to do: no deadline */
        DONE;

        /** Whether the county (rather than the town) owns this stage. */
        public boolean ownedByCounty() {
            return this == ASSIGNMENT || this == DISMISSAL_REVIEW || this == CLOSING_REVIEW;
        }
    }

    private final String labelZh;
    private final String labelEn;
    private final Stage stage;

    LedgerStatus(String labelZh, String labelEn, Stage stage) {
        this.labelZh = labelZh;
        this.labelEn = labelEn;
        this.stage = stage;
    }

    public String labelZh() {
        return labelZh;
    }

    public String labelEn() {
        return labelEn;
    }

    public Stage stage() {
        return stage;
    }

    /** Whether work remains (everything but DISMISSED and CLOSED). */
    public boolean isOpen() {
        return stage != Stage.DONE;
    }

    /** Whether verification found a real problem (CONFIRMED and everything after it). */
    public boolean isConfirmed() {
        return this == CONFIRMED || this == RECTIFYING || this == REVIEW || this == CLOSED;
    }
}
