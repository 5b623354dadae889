package sunshine.security;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * The user accounts: who may sign in, with which role, for which region. Passwords are stored only as hashes
 * (Spring Security's delegating encoder, bcrypt by default: {@code {bcrypt}$2a$...}).
 * <p>
 * Who may do what: an administrator ({@link Role#ADMIN}) manages the accounts of their own region and below
 * (create, reset a password, unlock, list); the platform itself ({@link Actor#system(String)}) may do the same, for
 * set-up and the demo; every user may change their own password, knowing the current one. Each change is published
 * as a {@link SecurityEvent} (the audit record keeps it) in the transaction of the change.
 *
 * @see UserAccountException for refused changes
 */
public interface UserAccounts {

    /** The shortest password accepted. */
    int MIN_PASSWORD_LENGTH = 10;

    /**
     * A new account.
     *
     * @param username    letters, digits, {@code . _ -}, 3 to 64 characters
     * @param displayName the name shown in histories (the username when blank)
     */
    record NewUser(String username, String displayName, Role role, String regionCode) {
    }

    /**
     * Creates an account with the given password.
     *
     * @throws UserAccountException when the name is taken or malformed, or the password too weak
     * @throws org.springframework.security.access.AccessDeniedException when {@code by} may not manage accounts
     *         of that region
     */
    UserAccount create(Actor by, NewUser user, String password);

    /**
     * An administrator sets another user's password (a reset); the account's failed attempts are cleared.
     *
     * @throws UserAccountException when there is no such user (within {@code by}'s region) or the password is weak
     */
    void setPassword(Actor by, String username, String newPassword);

    /**
     * A user changes their own password.
     *
     * @throws UserAccountException when the current password is wrong or the new one weak
     */
    void changeOwnPassword(Actor self, String currentPassword, String newPassword);

    /** Ends a lockout (and clears the failed attempts). */
    void unlock(Actor by, String username);

    /** The accounts of {@code by}'s region and below, by username. */
    List<UserAccount> list(Actor by);

    /** One account, whatever its region (for the platform's own use: sign-in, set-up). */
    Optional<UserAccount> find(String username);

    /** Whether any account exists (a fresh database has none). */
    boolean any();

    /**
     * A random password of 16 characters from letters and digits that cannot be mistaken for each other (no 0/O,
     * 1/l/I), from a {@link SecureRandom}: some 93 bits; always with a letter and a digit, as every password must.
     */
    static String randomPassword() {
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        while (true) {
            StringBuilder s = new StringBuilder(16);
            for (int i = 0; i < 16; i++) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (s.chars().anyMatch(Character::isDigit) && s.chars().anyMatch(Character::isLetter)) {
                return s.toString();
            }
        }
    }
}
