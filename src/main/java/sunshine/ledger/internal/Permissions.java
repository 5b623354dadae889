package sunshine.ledger.internal;

import sunshine.ledger.LedgerException;
import sunshine.ledger.LedgerStep;
import sunshine.security.Actor;
import sunshine.security.Role;

/**
 * Who may see and do what in the ledger.
 * <ul>
 *   <li>See: staff, discipline inspection and audit, of the item's region or above ({@link Actor#canSee}).
 *       Village users see no ledger item: the clues are often about village cadres (cards in their custody).
 *       Anything else is "not found", never "forbidden", so that nobody learns an item exists.</li>
 *   <li>Change: never the read-only roles (discipline inspection, audit).</li>
 *   <li>Town steps (verify, confirm, rectify ...): town staff and above. County steps (assign, reviews,
 *       reopen): county staff and above (roles COUNTY, CITY, PROVINCE, ADMIN at county level or above).</li>
 * </ul>
 */
public final class Permissions {

    private Permissions() {
    }

    public static boolean canSee(Actor actor, String regionCode) {
        return actor.role() != Role.VILLAGE && actor.canSee(regionCode);
    }

    public static void requireChange(Actor actor) {
        if (!actor.canChange()) {
            throw LedgerException.forbidden("“" + actor.role().label() + "”角色只能查看，不能修改",
                    "the role " + actor.role() + " may look but not change anything");
        }
        if (actor.role() == Role.VILLAGE) {
            throw LedgerException.forbidden("村（居）用户不能办理问题台账", "village users do not work ledger items");
        }
    }

    public static void requireLevel(Actor actor, LedgerStep.Level level) {
        requireChange(actor);
        int depth = RegionCodes.depth(actor.regionCode());
        boolean ok = switch (level) {
            case TOWN -> depth <= 9;
            case COUNTY -> depth <= 6 && actor.role() != Role.TOWN;
        };
        if (!ok) {
            throw level == LedgerStep.Level.COUNTY
                    ? LedgerException.forbidden("此操作须由县级及以上民政部门办理", "this needs county staff or above")
                    : LedgerException.forbidden("此操作须由乡镇及以上工作人员办理", "this needs town staff or above");
        }
    }
}
