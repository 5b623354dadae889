package sunshine.applications;

/**
 * Where an application is (三审三公示, workflows.md §1). The order is the order of the steps; which of the optional
 * ones (APPRAISED and the three notices) a program uses is configuration. REJECTED can be appealed once: the case
 * goes back to the status it was rejected in.
 */
public enum ApplicationStatus {
    APPLIED("申请"),
    ACCEPTED("受理"),
    CHECKED("经济状况核对"),
    VISITED("入户调查"),
    APPRAISED("民主评议"),
    VILLAGE_NOTICE("村公示"),
    TOWN_REVIEWED("乡镇审核"),
    TOWN_NOTICE("乡镇公示"),
    APPROVED("审批"),
    APPROVAL_NOTICE("审批公示"),
    ENROLLED("纳入保障"),
    REJECTED("不予批准");

    private final String labelZh;

    ApplicationStatus(String labelZh) {
        this.labelZh = labelZh;
    }

    public String labelZh() {
        return labelZh;
    }

    /** The notice states: an objection during one sends the case back to VISITED. */
    public boolean notice() {
        return this == VILLAGE_NOTICE || this == TOWN_NOTICE || this == APPROVAL_NOTICE;
    }

    /** No further step but an appeal (REJECTED) or none at all (ENROLLED). */
    public boolean closed() {
        return this == ENROLLED || this == REJECTED;
    }
}
