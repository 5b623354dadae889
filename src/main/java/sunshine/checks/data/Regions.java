package sunshine.checks.data;

import sunshine.checks.engine.RegionCodes;

/** The {@code regions} dataset: codes, names, levels, populations; looked up by code. */
public final class Regions {

    private final Table table;
    private final LongColumn code;
    private final TextColumn name;
    private final EnumColumn level;
    private final LongColumn parent;
    private final LongColumn population;
    private final LongIntMap byCode;

    public Regions(Table table, LongIntMap byCode) {
        this.table = table;
        this.code = table.regions("code");
        this.name = table.texts("name");
        this.level = table.enums("level");
        this.parent = table.regions("parent_code");
        this.population = table.integers("population");
        this.byCode = byCode;
    }

    public Table table() {
        return table;
    }

    public int size() {
        return table.size();
    }

    public long code(int r) {
        return code.get(r);
    }

    public String name(int r) {
        return name.get(r);
    }

    /** PROVINCE, CITY, COUNTY, TOWN or VILLAGE. */
    public String level(int r) {
        return level.code(r);
    }

    public boolean isTown(int r) {
        return level.is(r, "TOWN");
    }

    /** The parent code, or {@link RegionCodes#NONE}. */
    public long parent(int r) {
        return parent.get(r);
    }

    /** The population, or {@link LongColumn#NULL} when not given. */
    public long population(int r) {
        return population.get(r);
    }

    /** The row of a code, or -1. */
    public int indexOf(long regionCode) {
        return regionCode == RegionCodes.NONE ? -1 : byCode.get(regionCode);
    }

    /** The name of a code, or null when the code is not in {@code regions}. */
    public String nameOf(long regionCode) {
        int r = indexOf(regionCode);
        return r < 0 ? null : name.get(r);
    }
}
