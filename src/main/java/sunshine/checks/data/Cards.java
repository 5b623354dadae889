package sunshine.checks.data;

import sunshine.checks.engine.Ids;

/**
 * The {@code cards} dataset. Every card number of the snapshot (cards, payments, receipts, payroll submissions,
 * filings) is a code in one card dictionary; the registered cards come first, so a code below {@link #size()} is the
 * index of a registered card and any other code is a number that is not in {@code cards}.
 */
public final class Cards {

    private final Table table;
    private final StringTable numbers;
    private final LongColumn holder;
    private final EnumColumn status;
    private final byte active;
    private final EnumColumn purpose;
    private final byte subsidy;
    private final LongColumn custodian;
    private final TextColumn bank;
    private final IntColumn opened;

    public Cards(Table table, StringTable numbers) {
        this.table = table;
        this.numbers = numbers;
        this.holder = table.ids("holder_id_no");
        this.status = table.enums("status");
        this.active = status.index("ACTIVE");
        this.purpose = table.enums("purpose");
        this.subsidy = purpose.index("SUBSIDY");
        this.custodian = table.ids("custodian_id_no");
        this.bank = table.texts("bank");
        this.opened = table.dates("opened_date");
    }

    public Table table() {
        return table;
    }

    /** The number of registered cards. */
    public int size() {
        return table.size();
    }

    /** Whether a card code is a registered card (a row of {@code cards}). */
    public boolean isRegistered(int code) {
        return code >= 0 && code < table.size();
    }

    /** The card number of any card code (registered or not). */
    public String number(int code) {
        return numbers.get(code);
    }

    public long holderKey(int c) {
        return holder.get(c);
    }

    public String holderIdNo(int c) {
        return Ids.idNo(holder.get(c));
    }

    /** status = ACTIVE. */
    public boolean isActive(int c) {
        return status.raw(c) == active;
    }

    /** purpose = SUBSIDY (an empty purpose is SUBSIDY). */
    public boolean isSubsidy(int c) {
        return purpose.isNull(c) || purpose.raw(c) == subsidy;
    }

    /** The custodian's ID key, or {@link Ids#NONE}. */
    public long custodianKey(int c) {
        return custodian.get(c);
    }

    public String bank(int c) {
        return bank.get(c);
    }

    public int openedDate(int c) {
        return opened.get(c);
    }
}
