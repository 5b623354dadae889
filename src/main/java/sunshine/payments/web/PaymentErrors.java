package sunshine.payments.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import sunshine.payments.PaymentException;

/**
 * Refusals of the payment cycle as JSON: {@code {"error": "CONFLICT", "message": {"zh", "en"}, "rows": [...]}} with
 * the HTTP status of {@link PaymentException.Kind}; {@code rows} lists every bad row of a refused file.
 */
@RestControllerAdvice(assignableTypes = PaymentController.class)
class PaymentErrors {

    record Message(String zh, String en) {
    }

    record RowJson(String file, long row, String column, String value, Message reason) {
    }

    @ExceptionHandler(PaymentException.class)
    ResponseEntity<Map<String, Object>> refused(PaymentException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.kind().name());
        body.put("message", new Message(e.reason().zh(), e.reason().en()));
        List<RowJson> rows = e.rows().stream().map(r -> new RowJson(r.file(), r.row(), r.column(), r.value(),
                new Message(r.reason().zh(), r.reason().en()))).toList();
        if (!rows.isEmpty()) {
            body.put("rows", rows);
        }
        return ResponseEntity.status(status(e.kind())).body(body);
    }

    static HttpStatus status(PaymentException.Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case ILLEGAL_TRANSITION, CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.BAD_REQUEST;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
        };
    }
}
