package sunshine.checks;

import sunshine.contract.Reason;

/** A check that cannot run as asked: a wrong parameter, period or option. The reason is in Chinese and English. */
public class CheckException extends RuntimeException {

    private final Reason reason;

    public CheckException(Reason reason) {
        super(reason.en());
        this.reason = reason;
    }

    public CheckException(String zh, String en) {
        this(new Reason(zh, en));
    }

    public Reason reason() {
        return reason;
    }
}
