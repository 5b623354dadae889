package sunshine.supervision;

import sunshine.contract.Reason;
import sunshine.contract.RefusalKind;
import sunshine.contract.RefusedException;

/** A request about inspections or campaigns that is refused, with the reason in Chinese and English. */
public class SupervisionException extends RefusedException {

    /** Why; the HTTP status follows from the name ({@link RefusalKind#httpStatus()}). */
    public enum Kind implements RefusalKind {
        /** none within the actor's region (existence is never leaked) */
        NOT_FOUND,
        /** a read-only role, or below the level that organises inspections and campaigns */
        FORBIDDEN,
        /** missing or malformed input, or a draw that cannot be made */
        INVALID,
        /** not in this state (drawing twice, publishing before every result is in ...) */
        ILLEGAL_STATE,
        /** changed by someone else meanwhile (version) */
        CONFLICT,
        /** nobody is signed in */
        UNAUTHENTICATED
    }

    public SupervisionException(Kind kind, String zh, String en) {
        super(kind, new Reason(zh, en));
    }

    public Kind kind() {
        return (Kind) refusalKind();
    }

    public static SupervisionException invalid(String zh, String en) {
        return new SupervisionException(Kind.INVALID, zh, en);
    }
}
