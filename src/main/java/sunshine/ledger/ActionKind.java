package sunshine.ledger;

/** The rectification actions (整改措施) of workflows.md §3. */
public enum ActionKind {
    /** stop the benefit: the decision (number, effective date) is recorded; the registry is not edited here */
    STOP_BENEFIT("停发待遇"),
    /** adjust the benefit: the decision and the new monthly amount */
    ADJUST_BENEFIT("调整待遇"),
    /** money recovered, one part at a time: amount, date, receipt number */
    RECOVERY("追缴资金"),
    /** a filing (备案) with the level above: its number and the level */
    FILING("备案"),
    /** transfer to discipline inspection: its reference number; the outcome is recorded later */
    DISCIPLINE_TRANSFER("移送纪检监察");

    private final String labelZh;

    ActionKind(String labelZh) {
        this.labelZh = labelZh;
    }

    public String labelZh() {
        return labelZh;
    }
}
