package sunshine.checks;

import sunshine.contract.Reason;

/** A check run was asked for while another one runs (in this process or another one sharing the database). */
public class CheckRunBusyException extends CheckException {

    private final Long runningId;

    public CheckRunBusyException(Reason reason, Long runningId) {
        super(reason);
        this.runningId = runningId;
    }

    /** The run that is running, when known. */
    public Long runningId() {
        return runningId;
    }
}
