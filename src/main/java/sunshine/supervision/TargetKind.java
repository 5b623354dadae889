package sunshine.supervision;

/** What a random inspection draws: towns, villages, households or enrollments. */
public enum TargetKind {
    TOWN("乡镇"), VILLAGE("村（居）"), HOUSEHOLD("家庭户"), ENROLLMENT("保障对象");

    private final String labelZh;

    TargetKind(String labelZh) {
        this.labelZh = labelZh;
    }

    public String labelZh() {
        return labelZh;
    }
}
