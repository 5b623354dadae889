package sunshine.checks;

import sunshine.contract.Reason;

/** The user may not do this (start a check run below county level, or as a read-only role). */
public class CheckAccessDeniedException extends CheckException {

    public CheckAccessDeniedException(Reason reason) {
        super(reason);
    }
}
