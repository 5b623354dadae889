package sunshine.checks.engine;

/** Helpers for the one-line Chinese explanation of a clue. */
public final class Texts {

    private Texts() {
    }

    /**
     * A name masked as on a public notice, by characters (code points): 张三丰 → 张*丰, 张三 → 张*, 欧阳娜仁 → 欧**仁;
     * a single character stays. Null or empty: "某人".
     */
    public static String maskName(String name) {
        if (name == null || name.isEmpty()) {
            return "某人";
        }
        int[] cps = name.codePoints().toArray();
        if (cps.length == 1) {
            return name;
        }
        StringBuilder sb = new StringBuilder().appendCodePoint(cps[0]);
        if (cps.length == 2) {
            return sb.append('*').toString();
        }
        sb.append("*".repeat(cps.length - 2));
        return sb.appendCodePoint(cps[cps.length - 1]).toString();
    }
}
