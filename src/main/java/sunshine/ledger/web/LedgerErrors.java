package sunshine.ledger.web;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import sunshine.ledger.LedgerException;

/**
 * Refusals of the ledger as JSON: {@code {"error": "CONFLICT", "message": {"zh": ..., "en": ...}}}, with the HTTP
 * status of {@link LedgerException.Kind}. Also for other modules' controllers that pass a ledger refusal on.
 */
@RestControllerAdvice
class LedgerErrors {

    /** A message in both languages. */
    record Message(String zh, String en) {
    }

    @ExceptionHandler(LedgerException.class)
    ResponseEntity<Map<String, Object>> refused(LedgerException e) {
        return body(status(e.kind()), e.kind().name(), new Message(e.reason().zh(), e.reason().en()));
    }

    static ResponseEntity<Map<String, Object>> body(HttpStatus status, String error, Message message) {
        return ResponseEntity.status(status).body(Map.of("error", error, "message", message));
    }

    static HttpStatus status(LedgerException.Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case ILLEGAL_TRANSITION, CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.BAD_REQUEST;
            case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case UNSUPPORTED_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
        };
    }
}
