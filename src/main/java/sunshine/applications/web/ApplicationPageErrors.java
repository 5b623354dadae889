package sunshine.applications.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import sunshine.applications.ApplicationException;

/**
 * Refusals the application screens do not show in place: a case outside the user's region or none at all is the
 * "not found" page (its existence is not leaked), a step the role may never take is the "forbidden" page.
 */
@ControllerAdvice(assignableTypes = ApplicationPages.class)
class ApplicationPageErrors {

    @ExceptionHandler(ApplicationException.class)
    String refused(ApplicationException e, HttpServletResponse response) {
        boolean notFound = e.kind() == ApplicationException.Kind.NOT_FOUND;
        response.setStatus(notFound ? 404 : e.kind() == ApplicationException.Kind.UNAUTHENTICATED ? 401 : 403);
        return notFound ? "error/404" : "error/403";
    }
}
