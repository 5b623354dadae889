package sunshine.payments;

import java.util.List;
import sunshine.contract.Reason;
import sunshine.contract.RefusalKind;
import sunshine.contract.RefusedException;
import sunshine.contract.RowError;

/** A request the payment cycle refuses, with the reason in Chinese and English (and the bad rows of a file). */
public class PaymentException extends RefusedException {

    /** Why; the HTTP status follows from the name ({@link RefusalKind#httpStatus()}). */
    public enum Kind implements RefusalKind {
        /** no such batch within the actor's region (existence elsewhere is never leaked) */
        NOT_FOUND,
        /** the actor may see it but not do this */
        FORBIDDEN,
        /** the batch's status does not allow this step */
        ILLEGAL_TRANSITION,
        /** a database guarantee refused it: paid twice, a person in two batches, a concurrent change */
        CONFLICT,
        /** missing or malformed input, a file with bad rows */
        INVALID,
        /** the check engine of this build lacks a rule the step needs */
        UNAVAILABLE,
        /** nobody is signed in */
        UNAUTHENTICATED
    }

    private final List<RowError> rows;

    public PaymentException(Kind kind, Reason reason) {
        this(kind, reason, List.of());
    }

    public PaymentException(Kind kind, Reason reason, List<RowError> rows) {
        super(kind, reason);
        this.rows = List.copyOf(rows);
    }

    public Kind kind() {
        return (Kind) refusalKind();
    }

    /** The bad rows of a refused file (every one, not only the first), else empty. */
    public List<RowError> rows() {
        return rows;
    }

    public static PaymentException notFound(String batchId) {
        return new PaymentException(Kind.NOT_FOUND, new Reason("发放批次不存在：" + batchId, "no such batch: " + batchId));
    }

    public static PaymentException invalid(String zh, String en) {
        return new PaymentException(Kind.INVALID, new Reason(zh, en));
    }

    public static PaymentException forbidden(String zh, String en) {
        return new PaymentException(Kind.FORBIDDEN, new Reason(zh, en));
    }

    public static PaymentException conflict(String zh, String en) {
        return new PaymentException(Kind.CONFLICT, new Reason(zh, en));
    }

    public static PaymentException illegal(String batchId, BatchStatus status, String stepZh, String stepEn) {
        return new PaymentException(Kind.ILLEGAL_TRANSITION, new Reason(
                "批次" + batchId + "当前为“" + status.labelZh() + "”，不能" + stepZh,
                "batch " + batchId + " is " + status + ": cannot " + stepEn));
    }
}
