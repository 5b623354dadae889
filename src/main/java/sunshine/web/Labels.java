package sunshine.web;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import sunshine.contract.DataContract;
import sunshine.imports.ImportCompleted;
import sunshine.registry.RegionTree;

/**
 * The names users see for codes: the data contract's Chinese label (or the code itself in English), and the
 * registry's name of a region. Templates call it as {@code @labels}.
 */
@Component("labels")
public class Labels {

    /** More regions than a province has: beyond it the cache starts over rather than grow. */
    private static final int MAX_CACHED_REGIONS = 200_000;

    private final DataContract contract = DataContract.standard();
    private final RegionTree regions;
    /** Region code → name, of the regions the registry holds; emptied when an import commits. */
    private final Map<String, String> regionNames = new ConcurrentHashMap<>();

    public Labels(RegionTree regions) {
        this.regions = regions;
    }

    public String program(String code, Locale locale) {
        return chinese(locale) ? contract.enumType("program").labelOf(code) : code;
    }

    public String dataset(String name, Locale locale) {
        return chinese(locale) ? contract.dataset(name).label() : name;
    }

    /** A region's name, or its code when the registry does not hold it; "" for none. */
    public String region(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String name = regionName(code);
        return name.isEmpty() ? code : name;
    }

    /** A region's name followed by its code ("清平镇 371526102000"), or the code alone when the name is unknown. */
    public String regionWithCode(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String name = regionName(code);
        return name.isEmpty() ? code : name + " " + code;
    }

    /** The registry's name of a region, "" when it holds none (not remembered: the region may come any time). */
    private String regionName(String code) {
        String name = regionNames.get(code);
        if (name == null) {
            name = regions.find(code).map(RegionTree.Region::name).orElse("");
            if (!name.isEmpty()) {
                if (regionNames.size() >= MAX_CACHED_REGIONS) {
                    regionNames.clear();
                }
                regionNames.put(code, name);
            }
        }
        return name;
    }

    /** An import may have added or renamed regions. */
    @TransactionalEventListener(fallbackExecution = true)
    void imported(ImportCompleted event) {
        regionNames.clear();
    }

    private static boolean chinese(Locale locale) {
        return locale == null || "zh".equals(locale.getLanguage());
    }
}
