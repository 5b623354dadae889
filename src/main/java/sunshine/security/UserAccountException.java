package sunshine.security;

/** A refused change of a user account (a name taken, a weak password ...), explained in Chinese and English. */
public class UserAccountException extends RuntimeException {

    private final String zh;
    private final String en;

    public UserAccountException(String zh, String en) {
        super(en);
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }
}
