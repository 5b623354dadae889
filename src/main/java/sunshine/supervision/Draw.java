package sunshine.supervision;

import java.util.List;

/**
 * A draw's result.
 *
 * @param poolHash    SHA-256 of the canonical pool text
 * @param seed        SHA-256 of the seed text (hex)
 * @param assignments the sampled targets in draw order, each with its inspectors in draw order
 */
public record Draw(String poolHash, String seed, List<Assignment> assignments) {

    /** One sampled target and its inspectors. */
    public record Assignment(int order, String targetId, String regionCode, List<String> inspectorIds) {
    }
}
