package sunshine.supervision.web;

import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import sunshine.supervision.SupervisionException;

/** Refusals of inspections and campaigns as JSON ({@link sunshine.contract.RefusedException#body()}). */
@RestControllerAdvice
class SupervisionErrors {

    @ExceptionHandler(SupervisionException.class)
    ResponseEntity<Map<String, Object>> refused(SupervisionException e) {
        return ResponseEntity.status(e.httpStatus()).body(e.body());
    }
}
