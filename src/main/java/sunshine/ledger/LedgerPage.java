package sunshine.ledger;

import java.util.List;

/**
 * One page of a list of items.
 *
 * @param items the items of the page
 * @param total how many items the filter matches in all
 * @param page  the page, from 0
 * @param size  items per page
 */
public record LedgerPage(List<LedgerItem> items, long total, int page, int size) {

    /** How many pages the filter has. */
    public long pages() {
        return (total + size - 1) / size;
    }
}
