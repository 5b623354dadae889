package sunshine.disclosure;

import java.time.Instant;

/** A list's latest version and when it was published. */
public record LatestVersion(int version, Instant publishedAt) {
}
