package sunshine.checks.load;

import java.util.ArrayList;
import java.util.List;
import sunshine.contract.RowError;

/** Collects the errors of an input: every one is counted, the first few hundred are kept to be shown. */
final class ErrorCollector {

    static final int KEEP = 500;

    private final List<RowError> errors = new ArrayList<>();
    private long count;

    synchronized void add(RowError e) {
        count++;
        if (errors.size() < KEEP) {
            errors.add(e);
        }
    }

    synchronized long count() {
        return count;
    }

    synchronized List<RowError> errors() {
        return List.copyOf(errors);
    }
}
