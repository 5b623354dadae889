package sunshine.disclosure.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import sunshine.disclosure.LatestVersion;
import sunshine.disclosure.Notice;
import sunshine.disclosure.NoticeFormat;

/**
 * The publications ({@code notice_publication}) and the keys that signed them ({@code notice_key}). Rows are only
 * ever inserted (on PostgreSQL a trigger refuses changing or deleting a publication).
 */
@Component
public class NoticeStore {

    private static final String COLUMNS = "p.id, p.village_code, p.program, p.version, p.published_at, "
            + "p.publisher_region, p.households, p.covered_members, p.monthly_total, p.content, p.hash, "
            + "p.previous_hash, p.signature, p.key_fingerprint, p.audit_seq, k.public_key";
    private static final String FROM = " FROM notice_publication p JOIN notice_key k ON k.fingerprint = "
            + "p.key_fingerprint ";

    private final JdbcTemplate jdbc;

    public NoticeStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A publication as inserted. */
    public record NewPublication(String villageCode, String program, int version, Instant publishedAt,
                                 String publishedBy, String publisherRegion, int households, int coveredMembers,
                                 java.math.BigDecimal monthlyTotal, String content, String hash,
                                 String previousHash, String signature, String keyFingerprint, long auditSeq) {
    }

    /** Registers a signing key (once per fingerprint); true when it was new. */
    public boolean registerKey(String fingerprint, String publicKeyPem, Instant at) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM notice_key WHERE fingerprint = ?", Integer.class,
                fingerprint);
        if (n != null && n > 0) {
            return false;
        }
        jdbc.update("INSERT INTO notice_key (fingerprint, public_key, first_used_at) VALUES (?, ?, ?)", fingerprint,
                publicKeyPem, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
        return true;
    }

    /** The public key (PEM) of a fingerprint. */
    public Optional<String> publicKey(String fingerprint) {
        return jdbc.queryForList("SELECT public_key FROM notice_key WHERE fingerprint = ?", String.class,
                fingerprint).stream().findFirst();
    }

    public long insert(NewPublication p) {
        long id = jdbc.queryForObject("SELECT nextval('notice_publication_seq')", Long.class);
        jdbc.update("INSERT INTO notice_publication (id, village_code, program, version, published_at, "
                        + "published_by, publisher_region, households, covered_members, monthly_total, content, "
                        + "hash, previous_hash, signature, key_fingerprint, audit_seq) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, p.villageCode(), p.program(), p.version(),
                OffsetDateTime.ofInstant(p.publishedAt(), ZoneOffset.UTC), p.publishedBy(), p.publisherRegion(),
                p.households(), p.coveredMembers(), p.monthlyTotal(), p.content(), p.hash(), p.previousHash(),
                p.signature(), p.keyFingerprint(), p.auditSeq());
        return id;
    }

    /** The latest publication of a village's list of a program. */
    public Optional<Notice> latest(String villageCode, String program) {
        return jdbc.query("SELECT " + COLUMNS + FROM + "WHERE p.village_code = ? AND p.program = ? "
                        + "ORDER BY p.version DESC LIMIT 1", NoticeStore::notice, villageCode, program).stream()
                .findFirst();
    }

    /** The latest publication of each program of a village, by program. */
    public List<Notice> latest(String villageCode) {
        return jdbc.query("SELECT " + COLUMNS + FROM + "WHERE p.village_code = ? AND p.version = ("
                + "SELECT MAX(q.version) FROM notice_publication q WHERE q.village_code = p.village_code "
                + "AND q.program = p.program) ORDER BY p.program", NoticeStore::notice, villageCode);
    }

    /** Every version of a village's list of a program, the latest first. */
    public List<Notice> history(String villageCode, String program) {
        return jdbc.query("SELECT " + COLUMNS + FROM + "WHERE p.village_code = ? AND p.program = ? "
                + "ORDER BY p.version DESC", NoticeStore::notice, villageCode, program);
    }

    public Optional<Notice> find(String villageCode, String program, int version) {
        return jdbc.query("SELECT " + COLUMNS + FROM + "WHERE p.village_code = ? AND p.program = ? "
                        + "AND p.version = ?", NoticeStore::notice, villageCode, program, version).stream()
                .findFirst();
    }

    public Optional<Notice> byHash(String hash) {
        return jdbc.query("SELECT " + COLUMNS + FROM + "WHERE p.hash = ?", NoticeStore::notice, hash).stream()
                .findFirst();
    }

    /** The programs published for each village within a region prefix. */
    public Map<String, List<String>> programsByVillage(String prefix) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        jdbc.query("SELECT DISTINCT village_code, program FROM notice_publication WHERE village_code LIKE ? "
                + "ORDER BY village_code, program", rs -> {
                    out.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>()).add(rs.getString(2));
                }, prefix + "%");
        return out;
    }

    /** The latest version and time of every list within a region prefix: village → program → (version, time). */
    public Map<String, Map<String, LatestVersion>> latestWithin(String prefix) {
        Map<String, Map<String, LatestVersion>> out = new LinkedHashMap<>();
        jdbc.query("SELECT village_code, program, MAX(version) AS version, MAX(published_at) AS published_at "
                + "FROM notice_publication WHERE village_code LIKE ? GROUP BY village_code, program "
                + "ORDER BY village_code, program", rs -> {
                    out.computeIfAbsent(rs.getString("village_code"), k -> new LinkedHashMap<>())
                            .put(rs.getString("program"), new LatestVersion(rs.getInt("version"),
                                    rs.getObject("published_at", OffsetDateTime.class).toInstant()));
                }, prefix + "%");
        return out;
    }

    /** Whether the text names the village, program, version and previous hash its row is filed under. */
    private static boolean says(String content, String village, String program, int version, String previous) {
        try {
            NoticeFormat.Header h = NoticeFormat.parse(content).header();
            return h.village().code().equals(village) && h.program().equals(program) && h.version() == version
                    && h.previousHash().equals(previous);
        } catch (NoticeFormat.FormatException e) {
            return false;
        }
    }

    private static Notice notice(ResultSet rs, int i) throws SQLException {
        String content = rs.getString("content");
        String hash = rs.getString("hash");
        String signature = rs.getString("signature");
        boolean intact;
        try {
            byte[] bytes = content.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            intact = Sm3.hex(bytes).equals(hash)
                    && NoticeKeys.verify(rs.getString("public_key"), bytes,
                    java.util.Base64.getDecoder().decode(signature))
                    && says(content, rs.getString("village_code"), rs.getString("program"), rs.getInt("version"),
                    rs.getString("previous_hash"));
        } catch (IllegalArgumentException e) {
            intact = false;
        }
        return new Notice(rs.getLong("id"), rs.getString("village_code"), rs.getString("program"),
                rs.getInt("version"), rs.getObject("published_at", OffsetDateTime.class).toInstant(),
                rs.getString("publisher_region"), rs.getInt("households"), rs.getInt("covered_members"),
                rs.getBigDecimal("monthly_total"), hash, rs.getString("previous_hash"), signature,
                rs.getString("key_fingerprint"), content, rs.getLong("audit_seq"), intact);
    }
}
