package sunshine.scenario;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * What to generate.
 *
 * @param scale          county, city or province
 * @param seed           the same seed and settings give byte-identical files
 * @param out            the folder the files are written to
 * @param period         the check month P the scenario is built around (payments run for the window ending there)
 * @param lookback       L: months of payments, ending at P
 * @param coveredPersons the total number of covered persons to aim at, spread evenly over the counties
 */
record ScenarioSettings(Scale scale, long seed, Path out, YearMonth period, int lookback, long coveredPersons) {

    /** Covered persons of the calibration county: 4,870 urban and 17,983 rural minimum-living-guarantee
     *  beneficiaries, plus extreme-poverty support, orphans, disability subsidies and temporary assistance. */
    static final long COUNTY_COVERED = 28_000;

    enum Scale {
        /** 高唐县 (Gaotang, Liaocheng), some 28,000 covered persons. */
        COUNTY,
        /** 聊城市 (Liaocheng): its eight counties. */
        CITY,
        /** 山东省 (Shandong): every county with five or more towns, 3,000,000 covered persons. */
        PROVINCE;

        long defaultCovered(int counties) {
            return this == PROVINCE ? 3_000_000 : COUNTY_COVERED * counties;
        }
    }

    ScenarioSettings {
        if (lookback < 8 || lookback > 36) {
            // the anomalies need room: changes at least four months before P, and the town growth over three
            throw new IllegalArgumentException("lookback must be 8 to 36 months / 回溯月数须为8至36: " + lookback);
        }
        if (coveredPersons < 2_000) {
            throw new IllegalArgumentException("at least 2,000 covered persons / 保障对象至少2000人: " + coveredPersons);
        }
    }

    /** The counties of the scale, in code order. */
    List<RegionAtlas.Division> counties(RegionAtlas atlas) {
        List<RegionAtlas.Division> all = switch (scale) {
            case COUNTY -> List.of(atlas.division("371526000000"));
            case CITY -> atlas.children("371500000000");
            case PROVINCE -> atlas.counties();
        };
        // the town indicators compare a county's towns with each other; counties with fewer than five towns would
        // be compared with the whole province instead, which a generated scenario does not calibrate for
        List<RegionAtlas.Division> usable = new ArrayList<>();
        for (RegionAtlas.Division c : all) {
            if (atlas.children(c.code()).size() >= 5) {
                usable.add(c);
            }
        }
        return usable;
    }

    /** The months of the window, oldest first. */
    List<YearMonth> window() {
        List<YearMonth> months = new ArrayList<>();
        for (int i = lookback - 1; i >= 0; i--) {
            months.add(period.minusMonths(i));
        }
        return months;
    }
}
