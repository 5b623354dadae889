package sunshine.checks.data;

import sunshine.checks.engine.RegionCodes;

/** The {@code households} dataset. A household's index is its dictionary code in the household_id dictionary. */
public final class Households {

    private final Table table;
    private final TextColumn id;
    private final LongColumn region;
    private final EnumColumn urbanRural;
    private final LongColumn head;

    public Households(Table table) {
        this.table = table;
        this.id = table.texts("household_id");
        this.region = table.regions("region_code");
        this.urbanRural = table.enums("urban_rural");
        this.head = table.ids("head_id_no");
    }

    public Table table() {
        return table;
    }

    public int size() {
        return table.size();
    }

    public String id(int h) {
        return id.get(h);
    }

    /** The household's region: a village code. */
    public long region(int h) {
        return region.get(h);
    }

    /** The town of the household's region (first 9 digits + 000). */
    public long town(int h) {
        return RegionCodes.town(region.get(h));
    }

    /** The county of the household's region (its first 6 digits). */
    public int county(int h) {
        return RegionCodes.county(region.get(h));
    }

    /** URBAN or RURAL. */
    public String urbanRural(int h) {
        return urbanRural.code(h);
    }

    /** The byte code of urban_rural (position in the contract's enum: URBAN 0, RURAL 1). */
    public byte urbanRuralRaw(int h) {
        return urbanRural.raw(h);
    }

    public long headKey(int h) {
        return head.get(h);
    }
}
