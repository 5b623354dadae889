package sunshine.supervision;

import sunshine.contract.Reason;
import sunshine.contract.Refused;

/** A request about inspections or campaigns that is refused, with the reason in Chinese and English. */
public class SupervisionException extends RuntimeException implements Refused {

    /** Why, as the REST layer maps it to an HTTP status. */
    public enum Kind {
        /** none within the actor's region (existence is never leaked) */
        NOT_FOUND(404),
        /** a read-only role, or below the level that organises inspections and campaigns */
        FORBIDDEN(403),
        /** missing or malformed input, or a draw that cannot be made */
        INVALID(400),
        /** not in this state (drawing twice, publishing before every result is in ...) */
        ILLEGAL_STATE(409),
        /** changed by someone else meanwhile (version) */
        CONFLICT(409),
        /** nobody is signed in */
        UNAUTHENTICATED(401);

        private final int httpStatus;

        Kind(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        public int httpStatus() {
            return httpStatus;
        }
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

    @Override
    public String refusal() {
        return kind.name();
    }

    @Override
    public int httpStatus() {
        return kind.httpStatus();
    }

    public Reason reason() {
        return reason;
    }

    public static SupervisionException invalid(String zh, String en) {
        return new SupervisionException(Kind.INVALID, zh, en);
    }
}
