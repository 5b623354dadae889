package sunshine.checks;

import java.util.List;

/**
 * One page of a run's clues.
 *
 * @param clues the clues of the page
 * @param total how many clues the query matches in all
 * @param page  the page, from 0
 * @param size  clues per page
 */
public record CluePage(List<StoredClue> clues, long total, int page, int size) {

    /** How many pages the query has. */
    public long pages() {
        return (total + size - 1) / size;
    }
}
