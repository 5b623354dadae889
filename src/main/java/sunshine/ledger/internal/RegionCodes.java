package sunshine.ledger.internal;

import sunshine.security.Actor;

/** Region codes by level: 2 significant digits a province, 4 a city, 6 a county, 9 a town, 12 a village. */
public final class RegionCodes {

    private RegionCodes() {
    }

    public static boolean wellFormed(String code) {
        return code != null && code.matches("\\d{12}") && !code.startsWith("00");
    }

    /** The number of significant digits: 2, 4, 6, 9 or 12. */
    public static int depth(String code) {
        return Actor.prefixOf(code).length();
    }

    /** The town of a town or village code, else null. */
    public static String town(String code) {
        return depth(code) >= 9 ? code.substring(0, 9) + "000" : null;
    }

    /** The county of a county, town or village code, else null. */
    public static String county(String code) {
        return depth(code) >= 6 ? code.substring(0, 6) + "000000" : null;
    }

    /** One level up: village → town → county → city → province; null above a province. */
    public static String parent(String code) {
        return switch (depth(code)) {
            case 12 -> code.substring(0, 9) + "000";
            case 9 -> code.substring(0, 6) + "000000";
            case 6 -> code.substring(0, 4) + "00000000";
            case 4 -> code.substring(0, 2) + "0000000000";
            default -> null;
        };
    }
}
