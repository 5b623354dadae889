package sunshine.ledger;

import java.nio.file.Path;

/** A stored evidence file, to be sent to someone allowed to see it. */
public record EvidenceFile(Evidence evidence, Path path) {
}
