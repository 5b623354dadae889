package sunshine.ledger.web;

import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import sunshine.ledger.LedgerException;

/**
 * Refusals of the ledger as JSON ({@link sunshine.contract.RefusedException#body()}) with the HTTP status of their
 * kind. Also for other modules' controllers that pass a ledger refusal on.
 */
@RestControllerAdvice
class LedgerErrors {

    @ExceptionHandler(LedgerException.class)
    ResponseEntity<Map<String, Object>> refused(LedgerException e) {
        return ResponseEntity.status(e.httpStatus()).body(e.body());
    }
}
