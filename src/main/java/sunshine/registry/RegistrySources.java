package sunshine.registry;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sunshine.checks.CheckSource;

/**
 * The registry tables as a {@link CheckSource} — the check engine's database source
 * ({@link CheckSource#database}), read in one consistent snapshot on a connection of its own (so a check sees
 * committed rows only) — with an optional overlay. Every registry dataset counts as present, also when its table is
 * empty (a county whose platform has paid nothing yet has no payments, not a missing file); external datasets are
 * present when imported.
 * <p>
 * An {@link Overlay} adds rows that are not (yet) in the database, for a "what if" check: an application's
 * household checked as if it were enrolled, a batch checked before its list is stored.
 */
public interface RegistrySources {

    /** The registry as it is. */
    default CheckSource open() {
        return open(Overlay.NONE);
    }

    /** The registry plus the overlay's rows. */
    CheckSource open(Overlay overlay);

    /**
     * Rows to add to the registry's, and a filter for the external datasets.
     *
     * @param extraRows   per dataset, rows appended after the table's own: typed values in the dataset's column order
     *                    (String, LocalDate, YearMonth, BigDecimal, Long), as {@link CheckSource.Rows#row} takes them
     * @param onlyPersons when not null, the external datasets deliver only the rows of these ID numbers (a check
     *                    about a few people keeps nothing of other departments' data about anyone else)
     */
    record Overlay(Map<String, List<Object[]>> extraRows, Set<String> onlyPersons) {

        public static final Overlay NONE = new Overlay(Map.of(), null);

        public Overlay {
            extraRows = Map.copyOf(extraRows);
            onlyPersons = onlyPersons == null ? null : Set.copyOf(onlyPersons);
        }

        public static Overlay rows(Map<String, List<Object[]>> extraRows) {
            return new Overlay(extraRows, null);
        }

        public Overlay onlyPersons(Collection<String> idNos) {
            return new Overlay(extraRows, Set.copyOf(idNos));
        }

        public List<Object[]> extra(String dataset) {
            return extraRows.getOrDefault(dataset, List.of());
        }
    }
}
