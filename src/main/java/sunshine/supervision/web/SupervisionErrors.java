package sunshine.supervision.web;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import sunshine.supervision.SupervisionException;

/** Refusals of inspections and campaigns as JSON: {@code {"error": ..., "message": {"zh": ..., "en": ...}}}. */
@RestControllerAdvice
class SupervisionErrors {

    record Message(String zh, String en) {
    }

    @ExceptionHandler(SupervisionException.class)
    ResponseEntity<Map<String, Object>> refused(SupervisionException e) {
        HttpStatus status = switch (e.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case INVALID -> HttpStatus.BAD_REQUEST;
            case ILLEGAL_STATE, CONFLICT -> HttpStatus.CONFLICT;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
        };
        return ResponseEntity.status(status).body(Map.of("error", e.kind().name(), "message",
                new Message(e.reason().zh(), e.reason().en())));
    }
}
