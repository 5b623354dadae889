package sunshine.ledger;

import sunshine.contract.Reason;

/** A request the ledger refuses, with the reason in Chinese and English. */
public class LedgerException extends RuntimeException {

    /** Why, as the REST layer maps it to an HTTP status. */
    public enum Kind {
        /** no such item within the actor's region (also when it exists elsewhere: existence is never leaked) — 404 */
        NOT_FOUND,
        /** the actor may see it but not do this (read-only role, town staff doing a county review ...) — 403 */
        FORBIDDEN,
        /** the life cycle does not allow this step from the item's status — 409 */
        ILLEGAL_TRANSITION,
        /** someone else changed the item since the actor read it (version) — 409 */
        CONFLICT,
        /** missing or malformed input — 400 */
        INVALID,
        /** a file or text over its size limit — 413 */
        TOO_LARGE,
        /** a file whose content is not an accepted type — 415 */
        UNSUPPORTED_TYPE,
        /** too many requests from one address — 429 */
        RATE_LIMITED,
        /** nobody is signed in — 401 */
        UNAUTHENTICATED
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
