package sunshine.contract;

/** A cell that does not satisfy its column's type. Carries the reason in both languages. */
public class InvalidValueException extends Exception {

    private final Reason reason;

    public InvalidValueException(String zh, String en) {
        this(new Reason(zh, en));
    }

    public InvalidValueException(Reason reason) {
        super(reason.en(), null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
