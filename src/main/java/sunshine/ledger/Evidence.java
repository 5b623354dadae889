package sunshine.ledger;

import java.time.OffsetDateTime;

/**
 * One piece of evidence of an item: the clue of a check run that found it (CLUE), or a file staff attached
 * (FILE).
 *
 * @param runId        CLUE: the check run
 * @param clue         CLUE: the clue as that run found it (JSON, with the rule's own evidence)
 * @param contentHash  FILE: the SM3 hash of its bytes
 * @param size         FILE: bytes
 * @param mediaType    FILE: the type its content shows (application/pdf, image/jpeg, image/png, XLSX, DOCX,
 *                     text/plain)
 * @param originalName FILE: the name it was uploaded with (metadata only: it never names a stored file)
 */
public record Evidence(long id, long itemId, Kind kind, Long runId, String clue, String contentHash, Long size,
                       String mediaType, String originalName, String note, String addedBy, OffsetDateTime addedAt) {

    public enum Kind {
        CLUE, FILE
    }
}
