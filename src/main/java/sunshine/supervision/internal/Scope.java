package sunshine.supervision.internal;

import sunshine.security.Actor;
import sunshine.security.Role;
import sunshine.supervision.SupervisionException;

/**
 * Who may do what in supervision: inspections and campaigns are organised by county staff and above (roles
 * COUNTY, CITY, PROVINCE, ADMIN at county level or above), within their region; discipline inspection and audit
 * look and change nothing.
 */
public final class Scope {

    private Scope() {
    }

    public static Actor signedIn(Actor actor) {
        if (actor == null) {
            throw new SupervisionException(SupervisionException.Kind.UNAUTHENTICATED, "请先登录", "sign in first");
        }
        return actor;
    }

    public static void requireOrganiser(Actor actor) {
        signedIn(actor);
        if (!actor.canChange()) {
            throw new SupervisionException(SupervisionException.Kind.FORBIDDEN,
                    "“" + actor.role().label() + "”角色只能查看，不能修改",
                    "the role " + actor.role() + " may look but not change anything");
        }
        if (actor.role() == Role.TOWN || actor.role() == Role.VILLAGE || depth(actor.regionCode()) > 6) {
            throw new SupervisionException(SupervisionException.Kind.FORBIDDEN,
                    "双随机抽查和专项治理由县级及以上民政部门组织",
                    "random inspections and campaigns are organised by county staff and above");
        }
    }

    /** A region the actor names for an inspection or campaign: well-formed, county or above, within their own. */
    public static String region(Actor actor, String code) {
        if (code == null || !code.matches("\\d{12}")) {
            throw SupervisionException.invalid("地区代码应为12位数字：" + code, "a region code has 12 digits: " + code);
        }
        if (!actor.canSee(code)) {
            throw new SupervisionException(SupervisionException.Kind.FORBIDDEN, "地区不在您的管辖范围内：" + code,
                    "the region is outside your own: " + code);
        }
        return code;
    }

    public static int depth(String code) {
        return Actor.prefixOf(code).length();
    }
}
