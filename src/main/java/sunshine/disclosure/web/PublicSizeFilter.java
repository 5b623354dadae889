package sunshine.disclosure.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an oversized public form by its declared length before anything of it is read, and before the security
 * filters (which would read the form for its CSRF token): the complaint form ({@code POST /public/complaints},
 * 64 KB; the text itself is limited to 2,000 characters) and the verification upload
 * ({@code POST /public/notices/verify}, 1 MB and the multipart envelope). A body without a declared length is
 * refused too (411): browsers always declare it. The answer is a small page in Chinese and English.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 50)
class PublicSizeFilter extends OncePerRequestFilter {

    static final long COMPLAINT_MAX = 64 * 1024;
    static final long VERIFY_MAX = PublicNoticeController.MAX_VERIFY_BYTES + 64 * 1024;

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || limit(path(request)) < 0;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long max = limit(path(request));
        long length = request.getContentLengthLong();
        boolean chunked = length < 0 && request.getHeader("Transfer-Encoding") != null;
        if (length > max || chunked) {
            response.setStatus(chunked ? HttpServletResponse.SC_LENGTH_REQUIRED
                    : HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            response.setContentType("text/html;charset=UTF-8");
            response.setHeader("Connection", "close");
            String size = max >= 1024 * 1024 ? max / (1024 * 1024) + " MB" : max / 1024 + " KB";
            response.getOutputStream().write(("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                    + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                    + "<title>提交的内容过大 · Too large</title><link rel=\"stylesheet\" href=\""
                    + request.getContextPath() + "/sunshine.css\"></head><body><main class=\"narrow\">"
                    + "<h1>提交的内容过大</h1><p id=\"too-large\">提交的内容不能超过" + size
                    + "。请删减后重新提交。</p><p lang=\"en\">What you sent is too large (at most " + size
                    + "). Shorten it and send it again.</p><p><a href=\"" + request.getContextPath()
                    + "/public\">返回公示公开 · Back</a></p></main></body></html>")
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }

    private static String path(HttpServletRequest request) {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    private static long limit(String path) {
        return switch (path) {
            case "/public/complaints" -> COMPLAINT_MAX;
            case "/public/notices/verify" -> VERIFY_MAX;
            default -> -1;
        };
    }
}
