package sunshine.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Who is acting: a signed-in user (or the system itself for scheduled work), with a role and the region they act
 * within. Every query and every change of every module is scoped by {@link #canSee(String)}: a town user sees
 * only the town's households, whatever URL they type.
 *
 * @param userId      the login name ({@code system} for the platform's own scheduled work)
 * @param displayName the name shown in histories
 * @param role        what they may do
 * @param regionCode  the 12-digit code of the region they act within (province, city, county, town or village)
 */
public record Actor(String userId, String displayName, Role role, String regionCode) {

    public Actor {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(regionCode, "regionCode");
        if (!regionCode.matches("\\d{12}")) {
            throw new IllegalArgumentException("a region code has 12 digits: " + regionCode);
        }
        if (displayName == null) {
            displayName = userId;
        }
    }

    /** The platform itself (scheduled check runs, escalations), acting for the whole of a region. */
    public static Actor system(String regionCode) {
        return new Actor("system", "系统", Role.ADMIN, regionCode);
    }

    /**
     * The region code's significant prefix: the code without its trailing zero groups (province 2 digits,
     * city 4, county 6, town 9, village 12). A region is within scope when its code starts with it.
     */
    public String regionPrefix() {
        return prefixOf(regionCode);
    }

    /** Whether a region (a village, a town ...) lies within this actor's region. */
    public boolean canSee(String code) {
        return code != null && code.startsWith(regionPrefix());
    }

    /**
     * Whether a region lies on this actor's line: within this actor's region, or above it (the county and the
     * province of a town user). A county's import, which holds the county's towns, relates to each of its towns.
     */
    public boolean relatesTo(String code) {
        return canSee(code) || code != null && code.matches("\\d{12}") && regionCode.startsWith(prefixOf(code));
    }

    /** Whether this actor may change things (not discipline inspection or audit). */
    public boolean canChange() {
        return !role.readOnly();
    }

    /**
     * The 12-digit codes of the regions above a region, the province first: for a town, its province, city and
     * county. Empty for a province.
     */
    public static List<String> regionsAbove(String code) {
        String prefix = prefixOf(code);
        List<String> above = new ArrayList<>();
        for (int len : new int[] {2, 4, 6, 9}) {
            if (len < prefix.length()) {
                above.add(prefix.substring(0, len) + "0".repeat(12 - len));
            }
        }
        return above;
    }

    /** The significant prefix of a 12-digit region code (see {@link #regionPrefix()}). */
    public static String prefixOf(String code) {
        if (code.endsWith("0000000000")) {
            return code.substring(0, 2);
        }
        if (code.endsWith("00000000")) {
            return code.substring(0, 4);
        }
        if (code.endsWith("000000")) {
            return code.substring(0, 6);
        }
        if (code.endsWith("000")) {
            return code.substring(0, 9);
        }
        return code;
    }
}
