package sunshine.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * Spring Security's default CSRF handling (the token masked anew for each page, BREACH-safe), except that the
 * token of a multipart request (an upload, up to 10 GB) is taken from the {@code X-CSRF-TOKEN} header only: reading
 * a form parameter would make the servlet container store the whole upload on disk before the request is checked.
 * The pages send the header with every htmx request ({@code sunshine.js}); API clients send it too.
 */
final class MultipartCsrfTokenHandler implements CsrfTokenRequestHandler {

    private final XorCsrfTokenRequestAttributeHandler delegate = new XorCsrfTokenRequestAttributeHandler();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
        delegate.handle(request, response, csrfToken);
    }

    @Override
    public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
        String type = request.getContentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")
                && request.getHeader(csrfToken.getHeaderName()) == null) {
            return null;
        }
        // with the header present the delegate reads the header, never the body
        return delegate.resolveCsrfTokenValue(request, csrfToken);
    }
}
