package sunshine.registry;

import java.util.Map;
import sunshine.contract.RegionDirectory;

/** The administrative regions of the {@code regions} table. */
public interface Regions {

    /**
     * The region codes in the {@code regions} table with their levels (PROVINCE, CITY, COUNTY, TOWN, VILLAGE), as
     * seen by the current transaction (so rows a running import has inserted count). Read once per call: the
     * directory is a snapshot, held in memory (a province has some 100,000 regions).
     */
    RegionDirectory directory();

    /** The same snapshot as a map from 12-digit code to level. */
    Map<String, String> levels();
}
