package sunshine.contract;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request a module refuses, with its reason in Chinese and English: every module's exception is one (ledger,
 * applications, payments, supervision, disclosure). Each module names its own kinds of refusal; each kind carries
 * the HTTP status the web layer answers with, so no screen or API maps them again.
 */
public interface Refused {

    /** The kind of refusal by name: NOT_FOUND, FORBIDDEN, CONFLICT ... */
    String refusal();

    Reason reason();

    /** 404, 403, 409 ... */
    int httpStatus();

    /** What the REST layer sends: {@code {"error": "CONFLICT", "message": {"zh": ..., "en": ...}}}. */
    default Map<String, Object> body() {
        Map<String, String> message = new LinkedHashMap<>();
        message.put("zh", reason().zh());
        message.put("en", reason().en());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", refusal());
        body.put("message", message);
        return body;
    }
}
