package sunshine.ledger;

/**
 * Which items to list; every field may be null (no condition). The actor's region always applies on top.
 *
 * @param regionCode only items in this region (any level)
 * @param overdue    only overdue items (true) or only items within their deadline (false)
 * @param limit      at most this many (1 to 1000; default 100), newest first
 */
public record LedgerQuery(LedgerStatus status, LedgerSource source, String rule, String regionCode, Boolean overdue,
                          Integer limit, Integer offset) {

    public static LedgerQuery all() {
        return new LedgerQuery(null, null, null, null, null, null, null);
    }
}
