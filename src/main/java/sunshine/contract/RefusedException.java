package sunshine.contract;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request a module refuses, with its reason in Chinese and English: the base of every module's exception
 * (ledger, applications, payments, supervision, disclosure), each with its own {@link RefusalKind}s.
 */
public abstract class RefusedException extends RuntimeException {

    private final RefusalKind kind;
    private final Reason reason;

    protected RefusedException(RefusalKind kind, Reason reason) {
        super(kind.name() + ": " + reason.en());
        this.kind = kind;
        this.reason = reason;
    }

    protected RefusalKind refusalKind() {
        return kind;
    }

    public Reason reason() {
        return reason;
    }

    /** 404, 403, 409 ... */
    public int httpStatus() {
        return kind.httpStatus();
    }

    /** What the REST layer sends: {@code {"error": "CONFLICT", "message": {"zh": ..., "en": ...}}}. */
    public Map<String, Object> body() {
        Map<String, String> message = new LinkedHashMap<>();
        message.put("zh", reason.zh());
        message.put("en", reason.en());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", kind.name());
        body.put("message", message);
        return body;
    }
}
