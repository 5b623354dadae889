package sunshine.disclosure;

import sunshine.contract.Reason;

/** A request the disclosure module refuses, with the reason in Chinese and English. */
public class DisclosureException extends RuntimeException {

    /** Why, as the web layer maps it to an HTTP status. */
    public enum Kind {
        /** no such village, list or version — 404 */
        NOT_FOUND,
        /** the actor may not publish this village's lists — 403 */
        FORBIDDEN,
        /** malformed input — 400 */
        INVALID,
        /** someone published the same list at the same moment — 409 */
        CONFLICT,
        /** too many requests from one address — 429 */
        RATE_LIMITED,
        /** an upload over its size limit — 413 */
        TOO_LARGE
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

    public Reason reason() {
        return reason;
    }
}
