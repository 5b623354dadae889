package sunshine.supervision;

/**
 * A stored draw replayed from its published inputs.
 *
 * @param poolMatches the pools still hash to the published pool hash
 * @param seedMatches the seed derived again equals the stored one
 * @param drawMatches the sample and inspectors drawn again equal the stored ones
 */
public record Verification(long planId, boolean poolMatches, boolean seedMatches, boolean drawMatches, Draw replayed) {

    public boolean ok() {
        return poolMatches && seedMatches && drawMatches;
    }
}
