package sunshine.checks;

/** How serious a clue is, most serious first. */
public enum Severity {
    CRITICAL("严重"),
    HIGH("高"),
    MEDIUM("中"),
    LOW("低");

    private final String labelZh;

    Severity(String labelZh) {
        this.labelZh = labelZh;
    }

    public String labelZh() {
        return labelZh;
    }
}
