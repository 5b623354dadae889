package sunshine.supervision;

/**
 * One target in a pool.
 *
 * @param id         its identifier: the region code for towns and villages, the household or enrollment ID
 *                   otherwise (letters, digits, '.', '_', '-'; at most 40)
 * @param regionCode where it is: the town (TOWN), or the village (or town) it lies in; its town decides which
 *                   inspectors may not inspect it
 * @param label      a name shown with it (published only for towns and villages)
 */
public record PoolTarget(String id, String regionCode, String label) {
}
