package sunshine.applications;

import sunshine.contract.Reason;
import sunshine.contract.Refused;

/** A request the application workflow refuses, with the reason in Chinese and English. */
public class ApplicationException extends RuntimeException implements Refused {

    /** Why, as the REST layer maps it to an HTTP status. */
    public enum Kind {
        /** no such application or enrollment within the actor's region */
        NOT_FOUND(404),
        /** the actor may see it but not do this (read-only role, wrong level, a relative approving) */
        FORBIDDEN(403),
        /** the case's status does not allow this step now (wrong order, a notice still running) */
        ILLEGAL_TRANSITION(409),
        /** a database guarantee refused it (a second open application, a person already covered) */
        CONFLICT(409),
        /** missing or malformed input */
        INVALID(400),
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

    public ApplicationException(Kind kind, Reason reason) {
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

    public static ApplicationException notFound(String id) {
        return new ApplicationException(Kind.NOT_FOUND, new Reason("不存在：" + id, "no such case: " + id));
    }

    public static ApplicationException invalid(String zh, String en) {
        return new ApplicationException(Kind.INVALID, new Reason(zh, en));
    }

    public static ApplicationException forbidden(String zh, String en) {
        return new ApplicationException(Kind.FORBIDDEN, new Reason(zh, en));
    }

    public static ApplicationException conflict(String zh, String en) {
        return new ApplicationException(Kind.CONFLICT, new Reason(zh, en));
    }

    public static ApplicationException illegal(String zh, String en) {
        return new ApplicationException(Kind.ILLEGAL_TRANSITION, new Reason(zh, en));
    }
}
