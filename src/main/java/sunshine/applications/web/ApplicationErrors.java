package sunshine.applications.web;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import sunshine.applications.ApplicationException;

/** Refusals of the application workflow as JSON: {@code {"error": "CONFLICT", "message": {"zh", "en"}}}. */
@RestControllerAdvice(assignableTypes = {ApplicationController.class, ReviewController.class})
class ApplicationErrors {

    record Message(String zh, String en) {
    }

    @ExceptionHandler(ApplicationException.class)
    ResponseEntity<Map<String, Object>> refused(ApplicationException e) {
        return ResponseEntity.status(status(e.kind())).body(Map.of("error", e.kind().name(), "message",
                new Message(e.reason().zh(), e.reason().en())));
    }

    static HttpStatus status(ApplicationException.Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case ILLEGAL_TRANSITION, CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.BAD_REQUEST;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
        };
    }
}
