package sunshine.payments.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import sunshine.payments.PaymentException;

/**
 * Refusals of the payment cycle as JSON ({@link sunshine.contract.RefusedException#body()} and
 * {@code "rows": [...]}) with the HTTP status of their kind; {@code rows} lists every bad row of a refused file.
 */
@RestControllerAdvice(assignableTypes = PaymentController.class)
class PaymentErrors {

    record Message(String zh, String en) {
    }

    record RowJson(String file, long row, String column, String value, Message reason) {
    }

    @ExceptionHandler(PaymentException.class)
    ResponseEntity<Map<String, Object>> refused(PaymentException e) {
        Map<String, Object> body = new LinkedHashMap<>(e.body());
        List<RowJson> rows = e.rows().stream().map(r -> new RowJson(r.file(), r.row(), r.column(), r.value(),
                new Message(r.reason().zh(), r.reason().en()))).toList();
        if (!rows.isEmpty()) {
            body.put("rows", rows);
        }
        return ResponseEntity.status(e.httpStatus()).body(body);
    }
}
