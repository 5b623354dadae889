package sunshine.disclosure;

import sunshine.contract.Reason;
import sunshine.contract.RefusalKind;
import sunshine.contract.RefusedException;

/** A request the disclosure module refuses, with the reason in Chinese and English. */
public class DisclosureException extends RefusedException {

    /** Why; the HTTP status follows from the name ({@link RefusalKind#httpStatus()}). */
    public enum Kind implements RefusalKind {
        /** no such village, list or version */
        NOT_FOUND,
        /** the actor may not publish this village's lists */
        FORBIDDEN,
        /** malformed input */
        INVALID,
        /** someone published the same list at the same moment */
        CONFLICT,
        /** too many requests from one address */
        RATE_LIMITED,
        /** an upload over its size limit */
        TOO_LARGE
    }

    public DisclosureException(Kind kind, String zh, String en) {
        super(kind, new Reason(zh, en));
    }

    public Kind kind() {
        return (Kind) refusalKind();
    }
}
