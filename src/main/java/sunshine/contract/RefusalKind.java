package sunshine.contract;

/**
 * A module's kind of refusal (each module's exception names its own, as enum constants). The modules share the
 * names, and a name decides the HTTP status the web layer answers with, here and nowhere else.
 */
public interface RefusalKind {

    String name();

    /** 404, 403, 409 ... for the shared names; an unknown name is a programming error. */
    default int httpStatus() {
        return switch (name()) {
            case "NOT_FOUND" -> 404;
            case "FORBIDDEN" -> 403;
            case "UNAUTHENTICATED" -> 401;
            case "INVALID" -> 400;
            case "ILLEGAL_TRANSITION", "ILLEGAL_STATE", "CONFLICT" -> 409;
            case "TOO_LARGE" -> 413;
            case "UNSUPPORTED_TYPE" -> 415;
            case "RATE_LIMITED" -> 429;
            case "UNAVAILABLE" -> 503;
            default -> throw new IllegalStateException("no HTTP status for the refusal " + name());
        };
    }
}
