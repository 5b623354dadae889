package sunshine.payments.internal;

import sunshine.payments.PaymentException;
import sunshine.security.Actor;
import sunshine.security.Role;

/** Who may do what in the payment cycle. */
public final class Access {

    private Access() {
    }

    /** The administrative level of a role: village 1 ... province 5; 0 for roles that are no level. */
    public static int level(Role role) {
        return switch (role) {
            case VILLAGE -> 1;
            case TOWN -> 2;
            case COUNTY -> 3;
            case CITY -> 4;
            case PROVINCE, ADMIN -> 5;
            case DISCIPLINE, AUDIT -> 0;
        };
    }

    /** The actor may see the town's batches. */
    public static boolean sees(Actor actor, String townCode) {
        return actor.canSee(townCode);
    }

    /**
     * Refuses read-only roles and actors below a level.
     *
     * @param minLevel 2 town, 3 county
     */
    public static void change(Actor actor, int minLevel, String stepZh, String stepEn) {
        if (!actor.canChange()) {
            throw PaymentException.forbidden(actor.role().label() + "只能查看，不能" + stepZh,
                    actor.role() + " may look but not " + stepEn);
        }
        if (level(actor.role()) < minLevel) {
            String zh = minLevel == 2 ? "乡镇" : minLevel == 3 ? "县级" : "上级";
            String en = minLevel == 2 ? "town" : minLevel == 3 ? "county" : "higher";
            throw PaymentException.forbidden(stepZh + "须由" + zh + "及以上人员进行",
                    stepEn + " needs " + en + " staff or above");
        }
    }

    /** The town's own staff only (the town confirms or uploads its list). */
    public static void town(Actor actor, String stepZh, String stepEn) {
        if (!actor.canChange() || actor.role() != Role.TOWN) {
            throw PaymentException.forbidden(stepZh + "须由乡镇人员进行", stepEn + " is the town's to do");
        }
    }
}
