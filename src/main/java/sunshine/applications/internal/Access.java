package sunshine.applications.internal;

import sunshine.applications.ApplicationException;
import sunshine.applications.Level;
import sunshine.security.Actor;
import sunshine.security.Role;

/** Who may do what with an application. */
public final class Access {

    private Access() {
    }

    /** The level an actor acts at, or null for roles that are no level (discipline inspection, audit). */
    public static Level level(Actor actor) {
        return switch (actor.role()) {
            case VILLAGE -> Level.VILLAGE;
            case TOWN -> Level.TOWN;
            case COUNTY -> Level.COUNTY;
            case CITY -> Level.CITY;
            case PROVINCE, ADMIN -> Level.PROVINCE;
            case DISCIPLINE, AUDIT -> null;
        };
    }

    /** Refuses read-only roles, actors below the level, and actors whose region does not hold the village. */
    public static void step(Actor actor, Level min, String village, String stepZh, String stepEn) {
        if (!actor.canChange()) {
            throw ApplicationException.forbidden(actor.role().label() + "只能查看，不能" + stepZh,
                    actor.role() + " may look but not " + stepEn);
        }
        Level l = level(actor);
        if (l == null || l.ordinal() < min.ordinal()) {
            throw ApplicationException.forbidden(stepZh + "须由" + min.labelZh() + "及以上人员进行",
                    stepEn + " needs " + min.name().toLowerCase() + " staff or above");
        }
        if (!actor.canSee(village)) {
            throw ApplicationException.notFound(village);
        }
    }

    public static boolean isSystem(Actor actor) {
        return actor.role() == Role.ADMIN && "system".equals(actor.userId());
    }
}
