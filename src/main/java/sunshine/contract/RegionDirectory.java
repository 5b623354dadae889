package sunshine.contract;

import java.util.Map;
import java.util.Optional;

/** The region codes a file's REGION cells are checked against, with their levels (VILLAGE, TOWN, ...). */
@FunctionalInterface
public interface RegionDirectory {

    /** The level of a known 12-digit code, or empty when the code is not in {@code regions}. */
    Optional<String> levelOf(String code12);

    static RegionDirectory of(Map<String, String> levelByCode) {
        return code -> Optional.ofNullable(levelByCode.get(code));
    }
}
