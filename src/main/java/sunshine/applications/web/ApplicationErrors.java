package sunshine.applications.web;

import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import sunshine.applications.ApplicationException;

/** Refusals of the application workflow as JSON ({@link sunshine.contract.RefusedException#body()}). */
@RestControllerAdvice(assignableTypes = {ApplicationController.class, ReviewController.class})
class ApplicationErrors {

    @ExceptionHandler(ApplicationException.class)
    ResponseEntity<Map<String, Object>> refused(ApplicationException e) {
        return ResponseEntity.status(e.httpStatus()).body(e.body());
    }
}
