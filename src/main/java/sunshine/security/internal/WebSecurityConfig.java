package sunshine.security.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import sunshine.security.Role;

/**
 * Who may reach which URL, and how the server protects its pages. Paths are checked here; every module's services
 * check again, by the {@link sunshine.security.Actor}, which records (which region) a request may touch.
 * <ul>
 *   <li>Without sign-in: {@code /public/**} and {@code /api/public/**} (public notices, complaints), the login page,
 *       the style sheet, the script and the webjars.</li>
 *   <li>{@code /api/admin/**}: administrators only.</li>
 *   <li>Uploading an import ({@code POST /imports}, {@code POST /api/imports}): the bureaus of a county, a city or a
 *       province ({@link Role#mayImport()}).</li>
 *   <li>Discipline inspection and audit ({@link Role#readOnly()}) may send no change at all: any method but GET,
 *       HEAD and OPTIONS is refused them, except signing out, changing their own password and asking for a full ID
 *       number (which changes nothing but the audit record).</li>
 *   <li>Everything else: any signed-in user; the modules scope what they answer by the user's region.</li>
 * </ul>
 * CSRF protection is on for every change, forms and the JSON API alike (the token in the {@code X-CSRF-TOKEN}
 * header or the {@code _csrf} field; uploads: the header only), with one deliberate exception: the public notice
 * verification ({@code POST /public/notices/verify}), which changes nothing and takes a file from a plain form.
 * Headers: a content security policy that allows
 * scripts, styles and connections only from the server itself (the webjars it serves included), no framing,
 * {@code nosniff}, {@code Referrer-Policy: same-origin}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class WebSecurityConfig {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private static final Set<String> READ_ONLY = java.util.Arrays.stream(Role.values()).filter(Role::readOnly)
            .map(r -> "ROLE_" + r.name()).collect(java.util.stream.Collectors.toUnmodifiableSet());
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        RequestMatcher api = PathPatternRequestMatcher.pathPattern("/api/**");
        RequestMatcher htmx = request -> "true".equals(request.getHeader("HX-Request"));
        RequestMatcher readOnlyMayPost = new OrRequestMatcher(
                PathPatternRequestMatcher.pathPattern("/logout"),
                PathPatternRequestMatcher.pathPattern("/api/me/password"),
                PathPatternRequestMatcher.pathPattern("/households/*/members/*/id-number"));
        RequestMatcher change = request -> !SAFE_METHODS.contains(request.getMethod())
                && !readOnlyMayPost.matches(request);

        HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
        // after signing in, go back to the page that was asked for: never to an API answer or an htmx fragment
        requestCache.setRequestMatcher(request -> "GET".equals(request.getMethod()) && !api.matches(request)
                && !htmx.matches(request));

        ExceptionMappingAuthenticationFailureHandler failure = new ExceptionMappingAuthenticationFailureHandler();
        failure.setDefaultFailureUrl("/login?error");
        failure.setExceptionMappings(Map.of(LockedException.class.getName(), "/login?locked"));

        http
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/public/**", "/api/public/**", "/sunshine.css", "/sunshine.js", "/css/**",
                                "/webjars/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers("/api/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/imports", "/api/imports")
                        .hasAnyRole(rolesThatImport())
                        .requestMatchers(change).access(notReadOnly())
                        .anyRequest().authenticated())
                .formLogin(f -> f
                        .loginPage("/login")
                        .defaultSuccessUrl("/", false)
                        .failureHandler(failure)
                        .permitAll())
                .logout(l -> l
                        .logoutUrl("/logout")
                        .logoutSuccessUrl("/login?logout")
                        .invalidateHttpSession(true)
                        .deleteCookies("JSESSIONID"))
                .requestCache(c -> c.requestCache(requestCache))
                .csrf(c -> c.csrfTokenRequestHandler(new MultipartCsrfTokenHandler())
                        // checking a downloaded notice changes nothing: a plain upload form, without a token
                        // (limited by size and per address in sunshine.disclosure)
                        .ignoringRequestMatchers(PathPatternRequestMatcher.pathPattern(HttpMethod.POST,
                                "/public/notices/verify")))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api)
                        .defaultAuthenticationEntryPointFor(htmxEntryPoint(), htmx)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                request -> true))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=(), payment=()")));
        return http.build();
    }

    /** Sign-in successes and failures as application events: {@link SignInRecorder} counts them. */
    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        return new DefaultAuthenticationEventPublisher(publisher);
    }

    private static String[] rolesThatImport() {
        return java.util.Arrays.stream(Role.values()).filter(Role::mayImport).map(Role::name).toArray(String[]::new);
    }

    /** Signed in, and not discipline inspection or audit. */
    private static AuthorizationManager<RequestAuthorizationContext> notReadOnly() {
        return (authentication, context) -> {
            Authentication a = authentication.get();
            boolean signedIn = a != null && a.isAuthenticated() && !(a instanceof AnonymousAuthenticationToken);
            boolean readOnly = signedIn && a.getAuthorities().stream().anyMatch(g -> READ_ONLY.contains(
                    g.getAuthority()));
            return new AuthorizationDecision(signedIn && !readOnly);
        };
    }

    /** An htmx request (a fragment) after the session ended: 401, and htmx takes the whole page to the login. */
    private static AuthenticationEntryPoint htmxEntryPoint() {
        return (request, response, e) -> {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("HX-Redirect", request.getContextPath() + "/login?expired");
        };
    }
}
