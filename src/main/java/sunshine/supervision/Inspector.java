package sunshine.supervision;

/**
 * One inspector in a pool.
 *
 * @param id         their identifier (letters, digits, '.', '_', '-'; at most 40)
 * @param name       their name (published: inspections are made by named officials)
 * @param regionCode where they work: a town (never drawn for targets in that town) or a county or above (no
 *                   target is their own town)
 */
public record Inspector(String id, String name, String regionCode) {
}
