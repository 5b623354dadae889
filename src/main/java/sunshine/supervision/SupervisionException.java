package sunshine.supervision;

import sunshine.contract.Reason;

/** A request about inspections or campaigns that is refused, with the reason in Chinese and English. */
public class SupervisionException extends RuntimeException {

    /** Why, as the REST layer maps it to an HTTP status. */
    public enum Kind {
        /** none within the actor's region (existence is never leaked) — 404 */
        NOT_FOUND,
        /** a read-only role, or below the level that organises inspections and campaigns — 403 */
        FORBIDDEN,
        /** missing or malformed input, or a draw that cannot be made — 400 */
        INVALID,
        /** not in this state (drawing twice, publishing before every result is in ...) — 409 */
        ILLEGAL_STATE,
        /** changed by someone else meanwhile (version) — 409 */
        CONFLICT,
        /** nobody is signed in — 401 */
        UNAUTHENTICATED
    }

    private final Kind kind;
    private final Reason reason;

    public SupervisionException(Kind kind, String zh, String en) {
        super(kind + ": " + en);
        this.kind = kind;
        this.reason = new Reason(zh, en);
    }

    public Kind kind() {
        return kind;
    }

    public Reason reason() {
        return reason;
    }

    public static SupervisionException invalid(String zh, String en) {
        return new SupervisionException(Kind.INVALID, zh, en);
    }
}
