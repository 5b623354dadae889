package sunshine.registry;

import java.util.List;
import java.util.Optional;

/**
 * The administrative regions by name, for choosing one (county → town → village): nothing in it is personal, so
 * public pages may show all of it.
 */
public interface RegionTree {

    /** A region of the {@code regions} table. */
    record Region(String code, String name, String level, String parentCode) {
    }

    /** The region with this 12-digit code, if the registry holds it. */
    Optional<Region> find(String code);

    /** The regions whose parent is this one, by code. */
    List<Region> children(String parentCode);

    /** Every region of a level (PROVINCE, CITY, COUNTY, TOWN, VILLAGE), by code. */
    List<Region> ofLevel(String level);

    /**
     * Every region of a level within a region (its code starts with the region's significant prefix, see
     * {@link sunshine.security.Actor#prefixOf}), by code: the villages of a town, the towns of a county.
     */
    List<Region> within(String regionCode, String level);

    /** Regions of a level whose name contains the text, by code, at most {@code limit}. */
    List<Region> search(String level, String nameContains, int limit);
}
