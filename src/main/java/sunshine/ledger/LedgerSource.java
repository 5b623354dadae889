package sunshine.ledger;

/** Where a ledger item came from. */
public enum LedgerSource {
    /** a clue of the cross-check (identity: rule + subject, followed across check runs) */
    CHECK("大数据比对"),
    /** a complaint or tip from the public or the hotline */
    COMPLAINT("信访举报"),
    /** a problem found by a random inspection */
    INSPECTION("双随机抽查"),
    /** a problem found in a campaign's self-check or spot-check */
    CAMPAIGN("专项治理");

    private final String labelZh;

    LedgerSource(String labelZh) {
        this.labelZh = labelZh;
    }

    public String labelZh() {
        return labelZh;
    }
}
