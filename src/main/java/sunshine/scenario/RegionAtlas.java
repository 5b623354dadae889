package sunshine.scenario;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The real statistical division codes (GB/T 2260 and the statistics bureau's town and village codes) of
 * Shandong province, from {@code scenario/gbt2260-37.csv.gz}: province, 16 cities, their counties, towns and
 * villages. Scenarios are laid out on these, so that every region code, and the first six digits of every ID
 * number, is a real one.
 */
final class RegionAtlas {

    /** One division. */
    record Division(String code, String name, String level, String parentCode) {
    }

    private final Map<String, Division> byCode = new LinkedHashMap<>();
    private final Map<String, List<Division>> children = new LinkedHashMap<>();

    private RegionAtlas() {
    }

    static RegionAtlas shandong() {
        RegionAtlas atlas = new RegionAtlas();
        try (InputStream raw = RegionAtlas.class.getResourceAsStream("/scenario/gbt2260-37.csv.gz")) {
            if (raw == null) {
                throw new IllegalStateException("scenario/gbt2260-37.csv.gz is missing from the classpath");
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw),
                    StandardCharsets.UTF_8));
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",", -1);
                Division d = new Division(f[0], f[1], f[2], f[3].isEmpty() ? null : f[3]);
                atlas.byCode.put(d.code(), d);
                if (d.parentCode() != null) {
                    atlas.children.computeIfAbsent(d.parentCode(), k -> new ArrayList<>()).add(d);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return atlas;
    }

    Division division(String code) {
        Division d = byCode.get(code);
        if (d == null) {
            throw new IllegalArgumentException("no such division: " + code);
        }
        return d;
    }

    List<Division> children(String code) {
        return children.getOrDefault(code, List.of());
    }

    /** Every county of the province, in code order. */
    List<Division> counties() {
        List<Division> all = new ArrayList<>();
        for (Division city : children(province().code())) {
            all.addAll(children(city.code()));
        }
        return all;
    }

    Division province() {
        return division("370000000000");
    }
}
