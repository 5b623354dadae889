package sunshine.applications;

import sunshine.contract.Reason;
import sunshine.contract.RefusalKind;
import sunshine.contract.RefusedException;

/** A request the application workflow refuses, with the reason in Chinese and English. */
public class ApplicationException extends RefusedException {

    /** Why; the HTTP status follows from the name ({@link RefusalKind#httpStatus()}). */
    public enum Kind implements RefusalKind {
        /** no such application or enrollment within the actor's region */
        NOT_FOUND,
        /** the actor may see it but not do this (read-only role, wrong level, a relative approving) */
        FORBIDDEN,
        /** the case's status does not allow this step now (wrong order, a notice still running) */
        ILLEGAL_TRANSITION,
        /** a database guarantee refused it (a second open application, a person already covered) */
        CONFLICT,
        /** missing or malformed input */
        INVALID,
        /** nobody is signed in */
        UNAUTHENTICATED
    }

    public ApplicationException(Kind kind, Reason reason) {
        super(kind, reason);
    }

    public Kind kind() {
        return (Kind) refusalKind();
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
