package sunshine.disclosure;

import sunshine.contract.Reason;
import sunshine.contract.Refused;

/** A request the disclosure module refuses, with the reason in Chinese and English. */
public class DisclosureException extends RuntimeException implements Refused {

    /** Why, as the web layer maps it to an HTTP status. */
    public enum Kind {
        /** no such village, list or version */
        NOT_FOUND(404),
        /** the actor may not publish this village's lists */
        FORBIDDEN(403),
        /** malformed input */
        INVALID(400),
        /** someone published the same list at the same moment */
        CONFLICT(409),
        /** too many requests from one address */
        RATE_LIMITED(429),
        /** an upload over its size limit */
        TOO_LARGE(413);

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

    public DisclosureException(Kind kind, String zh, String en) {
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
}
