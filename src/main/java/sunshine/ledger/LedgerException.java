package sunshine.ledger;

import sunshine.contract.Reason;
import sunshine.contract.Refused;

/** A request the ledger refuses, with the reason in Chinese and English. */
public class LedgerException extends RuntimeException implements Refused {

    /** Why, as the REST layer maps it to an HTTP status. */
    public enum Kind {
        /** no such item within the actor's region (also when it exists elsewhere: existence is never leaked) */
        NOT_FOUND(404),
        /** the actor may see it but not do this (read-only role, town staff doing a county review ...) */
        FORBIDDEN(403),
        /** the life cycle does not allow this step from the item's status */
        ILLEGAL_TRANSITION(409),
        /** someone else changed the item since the actor read it (version) */
        CONFLICT(409),
        /** missing or malformed input */
        INVALID(400),
        /** a file or text over its size limit */
        TOO_LARGE(413),
        /** a file whose content is not an accepted type */
        UNSUPPORTED_TYPE(415),
        /** too many requests from one address */
        RATE_LIMITED(429),
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

    public LedgerException(Kind kind, Reason reason) {
        super(kind + ": " + reason.en());
        this.kind = kind;
        this.reason = reason;
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

    public static LedgerException notFound(long id) {
        return new LedgerException(Kind.NOT_FOUND, new Reason("问题不存在：" + id, "no such item: " + id));
    }

    public static LedgerException invalid(String zh, String en) {
        return new LedgerException(Kind.INVALID, new Reason(zh, en));
    }

    public static LedgerException forbidden(String zh, String en) {
        return new LedgerException(Kind.FORBIDDEN, new Reason(zh, en));
    }

    public static LedgerException conflict(long id) {
        return new LedgerException(Kind.CONFLICT, new Reason(
                "问题" + id + "已被他人修改，请刷新后重试（您的修改未保存）",
                "item " + id + " was changed by someone else meanwhile: reload it and try again (your change was not saved)"));
    }
}
