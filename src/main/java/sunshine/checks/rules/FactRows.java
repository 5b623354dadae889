package sunshine.checks.rules;

import sunshine.checks.data.Table;

/**
 * Walking an external dataset's rows, which the snapshot keeps ordered by person, without a binary search per
 * step: the rules that visit every person's rows in order advance linearly.
 */
final class FactRows {

    private FactRows() {
    }

    /** One past the last row of the person of row {@code r} (rows of one person are contiguous). */
    static int end(Table t, int r) {
        int person = t.person(r);
        int end = r + 1;
        int size = t.size();
        while (end < size && t.person(end) == person) {
            end++;
        }
        return end;
    }
}
