package sunshine.ledger;

import sunshine.contract.Reason;
import sunshine.contract.RefusalKind;
import sunshine.contract.RefusedException;

/** A request the ledger refuses, with the reason in Chinese and English. */
public class LedgerException extends RefusedException {

    /** Why; the HTTP status follows from the name ({@link RefusalKind#httpStatus()}). */
    public enum Kind implements RefusalKind {
        /** no such item within the actor's region (also when it exists elsewhere: existence is never leaked) */
        NOT_FOUND,
        /** the actor may see it but not do this (read-only role, town staff doing a county review ...) */
        FORBIDDEN,
        /** the life cycle does not allow this step from the item's status */
        ILLEGAL_TRANSITION,
        /** someone else changed the item since the actor read it (version) */
        CONFLICT,
        /** missing or malformed input */
        INVALID,
        /** a file or text over its size limit */
        TOO_LARGE,
        /** a file whose content is not an accepted type */
        UNSUPPORTED_TYPE,
        /** too many requests from one address */
        RATE_LIMITED,
        /** nobody is signed in */
        UNAUTHENTICATED
    }

    public LedgerException(Kind kind, Reason reason) {
        super(kind, reason);
    }

    public Kind kind() {
        return (Kind) refusalKind();
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
