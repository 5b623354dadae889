package sunshine.checks.engine;

/**
 * The programs of the contract (glossary) and what docs/rules-interpretation.md says about each: which are
 * means-tested, which are DIBAO, which share a payment among the covered members, the exclusive family, and the
 * keyword a payment remark must carry (B07).
 */
public enum Program {
    DIBAO_URBAN("城市低保", "低保金", "低保"),
    DIBAO_RURAL("农村低保", "低保金", "低保"),
    TEKUN("特困人员救助供养", "特困供养金", "特困"),
    TEMP_ASSIST("临时救助", "临时救助金", "临时救助"),
    ORPHAN("孤儿基本生活保障", "孤儿基本生活费", "孤儿"),
    DISABILITY_LIVING("困难残疾人生活补贴", "困难残疾人生活补贴", "生活补贴"),
    DISABILITY_CARE("重度残疾人护理补贴", "重度残疾人护理补贴", "护理补贴");

    /** The family of DIBAO_URBAN, DIBAO_RURAL and TEKUN; every other program is a family of its own. */
    public static final String SUBSISTENCE = "SUBSISTENCE";

    private static final Program[] VALUES = values();

    private final String labelZh;
    private final String moneyZh;
    private final String remarkKeyword;

    Program(String labelZh, String moneyZh, String remarkKeyword) {
        this.labelZh = labelZh;
        this.moneyZh = moneyZh;
        this.remarkKeyword = remarkKeyword;
    }

    public static Program of(String code) {
        return valueOf(code);
    }

    public static Program ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }

    /** DIBAO_URBAN, DIBAO_RURAL. */
    public boolean isDibao() {
        return this == DIBAO_URBAN || this == DIBAO_RURAL;
    }

    /** DIBAO_URBAN, DIBAO_RURAL, TEKUN. */
    public boolean isMeansTested() {
        return isDibao() || this == TEKUN;
    }

    /**
     * Household programs: a covered member's share of a payment is amount ÷ covered (DIBAO_URBAN, DIBAO_RURAL,
     * TEMP_ASSIST); for every other program the share is the whole amount.
     */
    public boolean isSharedByHousehold() {
        return isDibao() || this == TEMP_ASSIST;
    }

    /** {@link #SUBSISTENCE} for the means-tested programs, else the program's own code. */
    public String family() {
        return isMeansTested() ? SUBSISTENCE : name();
    }

    /** The keyword a remark of a payment of this program must contain (B07). */
    public String remarkKeyword() {
        return remarkKeyword;
    }

    /** "城市低保": the program as users name it. */
    public String labelZh() {
        return labelZh;
    }

    /** "低保金": what the money is called in an explanation. */
    public String moneyZh() {
        return moneyZh;
    }
}
