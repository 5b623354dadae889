package sunshine.applications;

/** The administrative levels, lowest first: who reviews, who approves, where a filing is lodged. */
public enum Level {
    VILLAGE("村"), TOWN("乡镇"), COUNTY("县级"), CITY("市级"), PROVINCE("省级");

    private final String labelZh;

    Level(String labelZh) {
        this.labelZh = labelZh;
    }

    public String labelZh() {
        return labelZh;
    }

    /** One level up (PROVINCE stays PROVINCE). */
    public Level up() {
        return this == PROVINCE ? PROVINCE : values()[ordinal() + 1];
    }

    public static Level max(Level a, Level b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
