package sunshine.payments;

/**
 * The life of a payment batch (发放批次): one town's list for one month.
 * <pre>
 * GENERATED ──confirm / upload──▶ SUBMITTED ──precheck──▶ PRECHECKED ──approve──▶ APPROVED ──export──▶ EXPORTED
 *     ▲                               │  ▲                    │                       │                    │
 *     └──────── regenerate ───────────┤  └─ confirm / upload ─┤                    (re-check)        receipts
 *                                     └──▶ BLOCKED ◀──────────┘ (any C07 clue)                             ▼
 *                                                                                                    RECONCILED
 * </pre>
 * A batch not yet approved may be CANCELLED (its people are released, its town list withdrawn) and later
 * regenerated. EXPORTED happens once per batch, enforced by the database; RECONCILED takes further receipt files.
 */
public enum BatchStatus {
    GENERATED("已生成"),
    SUBMITTED("乡镇已报送"),
    BLOCKED("前置核对未通过"),
    PRECHECKED("前置核对通过"),
    APPROVED("已审核"),
    EXPORTED("已导出银行文件"),
    RECONCILED("已对账"),
    CANCELLED("已作废");

    private final String labelZh;

    BatchStatus(String labelZh) {
        this.labelZh = labelZh;
    }

    public String labelZh() {
        return labelZh;
    }

    /** Whether the batch's list may still change (regenerate, confirm, upload, cancel). */
    public boolean open() {
        return this == GENERATED || this == SUBMITTED || this == BLOCKED || this == PRECHECKED;
    }
}
