package sunshine.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The whole data contract, loaded from {@code contract/datasets.yaml}. Datasets are listed in dependency
 * order: a dataset's references point only to datasets listed before it, so importing a folder in this
 * order satisfies every referential check.
 */
public final class DataContract {

    private static final String RESOURCE = "contract/datasets.yaml";
    private static volatile DataContract standard;

    private final Map<String, Dataset> datasets;
    private final Map<String, EnumType> enums;

    private DataContract(Map<String, Dataset> datasets, Map<String, EnumType> enums) {
        this.datasets = datasets;
        this.enums = enums;
    }

    /** The contract every part of the platform uses. */
    public static DataContract standard() {
        DataContract c = standard;
        if (c == null) {
            synchronized (DataContract.class) {
                c = standard;
                if (c == null) {
                    try (InputStream in = DataContract.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException("missing classpath resource " + RESOURCE);
                        }
                        c = parse(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    standard = c;
                }
            }
        }
        return c;
    }

    /** All datasets in dependency order. */
    public Collection<Dataset> datasets() {
        return datasets.values();
    }

    public Dataset dataset(String name) {
        Dataset d = datasets.get(name);
        if (d == null) {
            throw new NoSuchElementException("unknown dataset: " + name + " (known: " + datasets.keySet() + ")");
        }
        return d;
    }

    public boolean hasDataset(String name) {
        return datasets.containsKey(name);
    }

    public EnumType enumType(String name) {
        EnumType e = enums.get(name);
        if (e == null) {
            throw new NoSuchElementException("unknown enum: " + name);
        }
        return e;
    }

    /** The enum type of an ENUM column. */
    public EnumType enumOf(Column column) {
        return enumType(column.enumName());
    }

    @SuppressWarnings("unchecked")
    static DataContract parse(InputStream in) {
        Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        var enums = new LinkedHashMap<String, EnumType>();
        ((Map<String, List<List<Object>>>) root.get("enums")).forEach((name, rows) -> {
            var values = new ArrayList<EnumType.Value>();
            for (List<Object> row : rows) {
                values.add(new EnumType.Value(String.valueOf(row.get(0)),
                        row.subList(1, row.size()).stream().map(String::valueOf).toList()));
            }
            enums.put(name, new EnumType(name, values));
        });
        var datasets = new LinkedHashMap<String, Dataset>();
        ((Map<String, Map<String, Object>>) root.get("datasets")).forEach((name, d) -> {
            var columns = new ArrayList<Column>();
            for (Map<String, Object> c : (List<Map<String, Object>>) d.get("columns")) {
                var type = ValueType.valueOf((String) c.get("type"));
                String enumName = (String) c.get("enum");
                if (type == ValueType.ENUM && !enums.containsKey(enumName)) {
                    throw new IllegalStateException(name + "." + c.get("name") + ": unknown enum " + enumName);
                }
                columns.add(new Column(
                        (String) c.get("name"),
                        (String) c.get("label"),
                        c.containsKey("aliases") ? ((List<Object>) c.get("aliases")).stream().map(String::valueOf).toList() : List.of(),
                        type,
                        Boolean.TRUE.equals(c.get("required")),
                        enumName,
                        (String) c.get("level"),
                        !Boolean.FALSE.equals(c.get("known")),
                        decimal(c.get("min")),
                        decimal(c.get("max")),
                        Column.Condition.parse((String) c.get("required_when")),
                        c.containsKey("length") ? ((Number) c.get("length")).intValue() : 0,
                        (String) c.get("default")));
            }
            var references = new LinkedHashMap<String, String>();
            if (d.get("references") != null) {
                ((Map<String, String>) d.get("references")).forEach((col, target) -> {
                    String targetDataset = target.substring(0, target.indexOf('.'));
                    if (!targetDataset.equals(name) && !datasets.containsKey(targetDataset)) {
                        throw new IllegalStateException(name + "." + col + " refers to " + target
                                + ", which is not listed before it");
                    }
                    references.put(col, target);
                });
            }
            datasets.put(name, new Dataset(
                    name,
                    (String) d.get("label"),
                    DatasetKind.valueOf((String) d.get("kind")),
                    columns,
                    d.containsKey("key") ? (List<String>) d.get("key") : List.of(),
                    references,
                    (String) d.get("period")));
        });
        return new DataContract(java.util.Collections.unmodifiableMap(datasets), Map.copyOf(enums));
    }

    private static BigDecimal decimal(Object o) {
        return o == null ? null : new BigDecimal(String.valueOf(o));
    }
}
