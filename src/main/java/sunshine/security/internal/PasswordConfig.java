package sunshine.security.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How passwords are hashed: Spring Security's delegating encoder, which writes bcrypt ({@code {bcrypt}$2a$10$...})
 * and reads every algorithm it knows by the prefix, so a stronger one can be introduced later without resetting
 * anybody's password. Also outside the web server (the command line creates accounts).
 */
@Configuration(proxyBeanMethods = false)
class PasswordConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
