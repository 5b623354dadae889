package sunshine.disclosure;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import sunshine.audit.AuditLog;
import sunshine.contract.DataContract;
import sunshine.disclosure.NoticeFormat.Content;
import sunshine.disclosure.NoticeFormat.Header;
import sunshine.disclosure.NoticeFormat.Place;
import sunshine.disclosure.NoticeFormat.Row;
import sunshine.disclosure.Verification.Difference;
import sunshine.disclosure.Verification.Outcome;
import sunshine.disclosure.internal.NoticeKeys;
import sunshine.disclosure.internal.NoticeStore;
import sunshine.disclosure.internal.Sm3;
import sunshine.registry.EnrolledHouseholds;
import sunshine.registry.RegionTree;
import sunshine.security.Actor;
import sunshine.security.Masking;
import sunshine.security.Role;

/**
 * Public notices (公示, workflows §6): per village, one long-running list per program of the households it
 * covers — masked name, covered members, monthly amount, nothing else — published by staff of the village's town
 * or above as immutable, numbered versions, each hashed (SM3), chained to the version before, recorded in the audit
 * record and signed (SM2), so that anyone can check a list was not changed after publication.
 */
@Service
public class NoticeService {

    /** The audit record's action for a publication. */
    public static final String PUBLISHED = "NOTICE_PUBLISHED";
    /** The audit record's action for a signing key's first use. */
    public static final String KEY_REGISTERED = "NOTICE_KEY_REGISTERED";

    private static final Set<Role> PUBLISHERS = Set.of(Role.TOWN, Role.COUNTY, Role.CITY, Role.PROVINCE);

    private final EnrolledHouseholds enrolled;
    private final RegionTree regions;
    private final AuditLog audit;
    private final NoticeStore store;
    private final NoticeKeys keys;
    private final TransactionTemplate transaction;
    private final Clock clock;
    /** Publishes one list at a time within this server; the unique version catches a second server. */
    private final ReentrantLock publishing = new ReentrantLock(true);

    NoticeService(EnrolledHouseholds enrolled, RegionTree regions, AuditLog audit, NoticeStore store, NoticeKeys keys,
                  PlatformTransactionManager transactions, ObjectProvider<Clock> clock) {
        this.enrolled = enrolled;
        this.regions = regions;
        this.audit = audit;
        this.store = store;
        this.keys = keys;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    // ------------------------------------------------------------------------------------------------ publishing

    /** Whether the actor's role publishes notices: staff of a town, county, city or province. */
    public boolean publishes(Actor actor) {
        return actor != null && PUBLISHERS.contains(actor.role());
    }

    /**
     * Whether the actor may publish the village's lists: staff of a town, county, city or province (not village
     * committees, discipline inspection, audit or the administrator) whose region holds the village.
     */
    public boolean mayPublish(Actor actor, String villageCode) {
        return actor != null && PUBLISHERS.contains(actor.role()) && villageCode != null
                && villageCode.matches("\\d{12}") && actor.canSee(villageCode);
    }

    /**
     * Publishes the current list of every program of a village: each program with ACTIVE enrollments, and each
     * program published before (whose list may now be empty). A list the registry still gives exactly as its
     * latest version is left as it is (UNCHANGED). All in one transaction.
     *
     * @throws DisclosureException FORBIDDEN, NOT_FOUND, CONFLICT
     */
    public List<PublishOutcome> publishVillage(Actor actor, String villageCode) {
        return publishLists(actor, villageCode, null);
    }

    /**
     * Publishes the current list of one program of a village (see {@link #publishVillage}).
     *
     * @throws DisclosureException FORBIDDEN, NOT_FOUND, INVALID, CONFLICT
     */
    public PublishOutcome publish(Actor actor, String villageCode, String program) {
        if (program == null || !program.matches("[A-Z_]{2,24}")) {
            throw new DisclosureException(DisclosureException.Kind.INVALID, "项目代码不正确：" + program,
                    "not a program code: " + program);
        }
        return publishLists(actor, villageCode, program).get(0);
    }

    /**
     * Publishes every village within the actor's region, one transaction per village.
     *
     * @return the outcomes, village by village
     */
    public List<PublishOutcome> publishAll(Actor actor) {
        requirePublisher(actor);
        List<PublishOutcome> out = new ArrayList<>();
        for (RegionTree.Region v : regions.within(actor.regionCode(), "VILLAGE")) {
            out.addAll(publishVillage(actor, v.code()));
        }
        return out;
    }

    private List<PublishOutcome> publishLists(Actor actor, String villageCode, String onlyProgram) {
        requirePublisher(actor);
        String village = villageCode == null ? "" : villageCode.strip();
        RegionTree.Region region = regions.find(village).filter(r -> "VILLAGE".equals(r.level()))
                .orElseThrow(() -> new DisclosureException(DisclosureException.Kind.NOT_FOUND,
                        "没有这个村（社区）：" + village, "no such village: " + village));
        if (!mayPublish(actor, village)) {
            throw new DisclosureException(DisclosureException.Kind.FORBIDDEN,
                    "只能发布本辖区内村（社区）的公示：" + region.name() + "不在您的辖区内",
                    "you may publish the notices of villages within your region only: " + village + " is not");
        }
        publishing.lock();
        try {
            return transaction.execute(s -> publishInTransaction(actor, region, onlyProgram));
        } catch (DuplicateKeyException e) {
            throw new DisclosureException(DisclosureException.Kind.CONFLICT,
                    "他人同时发布了该公示，请刷新后查看（您的发布未保存）",
                    "someone else published this list at the same moment: reload to see it (yours was not saved)");
        } finally {
            publishing.unlock();
        }
    }

    private List<PublishOutcome> publishInTransaction(Actor actor, RegionTree.Region village, String onlyProgram) {
        Map<String, List<Row>> rowsByProgram = new HashMap<>();
        for (EnrolledHouseholds.Enrolled e : enrolled.activeInVillage(actor, village.code())) {
            rowsByProgram.computeIfAbsent(e.program(), p -> new ArrayList<>())
                    .add(new Row(Masking.name(e.name()), e.coveredMembers(), e.monthlyAmount()));
        }
        Set<String> programs = new java.util.TreeSet<>(rowsByProgram.keySet());
        programs.addAll(store.programsByVillage(village.code()).getOrDefault(village.code(), List.of()));
        if (onlyProgram != null) {
            programs = Set.of(onlyProgram);
        }
        Instant now = clock.instant();
        List<PublishOutcome> out = new ArrayList<>();
        for (String program : programs) {
            List<Row> rows = rowsByProgram.getOrDefault(program, List.of()).stream().sorted(NoticeFormat.ORDER)
                    .toList();
            Optional<Notice> latest = store.latest(village.code(), program);
            if (latest.isEmpty() && rows.isEmpty()) {
                out.add(new PublishOutcome(village.code(), program, PublishOutcome.Status.NOTHING, null));
                continue;
            }
            if (latest.isPresent() && latest.get().parsed().rows().equals(rows)) {
                out.add(new PublishOutcome(village.code(), program, PublishOutcome.Status.UNCHANGED, latest.get()));
                continue;
            }
            out.add(new PublishOutcome(village.code(), program, PublishOutcome.Status.PUBLISHED,
                    seal(actor, village, program, rows, latest, now)));
        }
        return out;
    }

    /** Writes, hashes, signs, records and stores one new version. */
    private Notice seal(Actor actor, RegionTree.Region village, String program, List<Row> rows,
                        Optional<Notice> latest, Instant now) {
        NoticeKeys.Loaded key = keys.current();
        if (store.registerKey(key.fingerprint(), key.publicKeyPem(), now)) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("fingerprint", key.fingerprint());
            d.put("publicKey", key.publicKeyPem());
            d.put("madeNow", key.created());
            audit.record(actor, KEY_REGISTERED, "notice-key:" + key.fingerprint(), d);
        }
        int version = latest.map(n -> n.version() + 1).orElse(1);
        String previous = latest.map(Notice::hash).orElse(NoticeFormat.GENESIS);
        Header header = new Header(place(village.code()), place(townOf(village.code())),
                place(countyOf(village.code())), program, DataContract.standard().enumType("program")
                .labelOf(program), version, now, place(actor.regionCode()), previous);
        Content content = new Content(header, rows);
        String text = NoticeFormat.write(content);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String hash = Sm3.hex(bytes);
        String signature = NoticeKeys.base64(keys.sign(bytes));

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("village", village.code());
        details.put("program", program);
        details.put("version", version);
        details.put("hash", hash);
        details.put("previousHash", previous);
        details.put("households", content.households());
        details.put("coveredMembers", content.coveredMembers());
        details.put("monthlyTotal", content.monthlyTotal().toPlainString());
        details.put("keyFingerprint", key.fingerprint());
        details.put("signature", signature);
        long seq = audit.record(actor, PUBLISHED, subject(village.code(), program, version), details).seq();

        store.insert(new NoticeStore.NewPublication(village.code(), program, version, header.publishedAt(),
                actor.userId(), actor.regionCode(), content.households(), content.coveredMembers(),
                content.monthlyTotal(), text, hash, previous, signature, key.fingerprint(), seq));
        return store.find(village.code(), program, version).orElseThrow();
    }

    /** The audit record's subject of a publication: {@code notice:371526100001/DIBAO_URBAN/v3}. */
    public static String subject(String village, String program, int version) {
        return "notice:" + village + "/" + program + "/v" + version;
    }

    private void requirePublisher(Actor actor) {
        if (actor == null || !PUBLISHERS.contains(actor.role())) {
            throw new DisclosureException(DisclosureException.Kind.FORBIDDEN,
                    "只有乡镇（街道）及以上民政工作人员可以发布公示",
                    "notices are published by the civil-affairs staff of a town or above");
        }
    }

    private Place place(String code) {
        return new Place(code, regions.find(code).map(RegionTree.Region::name).orElse(""));
    }

    static String townOf(String village) {
        return village.substring(0, 9) + "000";
    }

    static String countyOf(String village) {
        return village.substring(0, 6) + "000000";
    }

    // ------------------------------------------------------------------------------------------------ reading

    /** The latest version of every list of a village, by program. */
    public List<Notice> latest(String villageCode) {
        return valid(villageCode) ? store.latest(villageCode) : List.of();
    }

    /** Every version of a village's list of a program, the latest first, and whether they still form a chain. */
    public NoticeChain chain(String villageCode, String program) {
        if (!valid(villageCode)) {
            return new NoticeChain(List.of(), null);
        }
        List<Notice> versions = store.history(villageCode, program);
        return new NoticeChain(versions, NoticeChain.firstBroken(versions));
    }

    /** One version. */
    public Optional<Notice> find(String villageCode, String program, int version) {
        return valid(villageCode) ? store.find(villageCode, program, version) : Optional.empty();
    }

    /** The programs published for each village within a region (12-digit code), village by village. */
    public Map<String, List<String>> programsByVillage(String regionCode) {
        return valid(regionCode) ? store.programsByVillage(Actor.prefixOf(regionCode)) : Map.of();
    }

    /** The latest version and time of every list within a region: village → program → latest. */
    public Map<String, Map<String, LatestVersion>> latestWithin(String regionCode) {
        return valid(regionCode) ? store.latestWithin(Actor.prefixOf(regionCode)) : Map.of();
    }

    /** The key that signs new publications: PEM and fingerprint (made now if there is none yet). */
    public SigningKey currentKey() {
        NoticeKeys.Loaded k = keys.current();
        return new SigningKey(k.fingerprint(), k.publicKeyPem());
    }

    /** A key that signed publications, by fingerprint. */
    public Optional<SigningKey> key(String fingerprint) {
        if (fingerprint == null || !fingerprint.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        return store.publicKey(fingerprint).map(pem -> new SigningKey(fingerprint, pem));
    }

    /** An SM2 public key: its fingerprint (SM3 of its DER form) and PEM. */
    public record SigningKey(String fingerprint, String pem) {
    }

    private static boolean valid(String code) {
        return code != null && code.matches("\\d{12}");
    }

    // ------------------------------------------------------------------------------------------------ verifying

    /**
     * Checks a downloaded (or pasted) list: byte for byte a publication; or the same text after an editor's
     * changes (line ends, byte order mark, row order); or a changed copy of a publication, with what differs; or
     * no notice at all.
     */
    public Verification verify(byte[] input) {
        String hash = Sm3.hex(input);
        Optional<Notice> exact = store.byHash(hash);
        if (exact.isPresent()) {
            return answer(Outcome.MATCH, exact.get(), hash, List.of(), null);
        }
        String text = NoticeFormat.utf8(input);
        if (text == null) {
            // an editor may have saved it in the Chinese legacy encoding
            text = new String(input, Charset.forName("GB18030"));
        }
        Content given;
        try {
            given = NoticeFormat.parse(text);
        } catch (NoticeFormat.FormatException e) {
            return new Verification(Outcome.NOT_A_NOTICE, null, null, hash, List.of(), e.reason());
        }
        Optional<Notice> same = store.byHash(Sm3.hex(NoticeFormat.bytes(given)));
        if (same.isPresent()) {
            return answer(Outcome.MATCH_AFTER_NORMALIZING, same.get(), hash, List.of(), null);
        }
        Header h = given.header();
        Optional<Notice> claimed = store.find(h.village().code(), h.program(), h.version());
        if (claimed.isEmpty()) {
            Notice latest = store.latest(h.village().code(), h.program()).orElse(null);
            return new Verification(Outcome.NO_SUCH_PUBLICATION, null, latest, hash, List.of(), null);
        }
        return answer(Outcome.CHANGED, claimed.get(), hash, differences(claimed.get().parsed(), given), null);
    }

    /**
     * Looks a hash up.
     *
     * @throws DisclosureException INVALID when it is not 64 hex digits
     */
    public Verification verifyHash(String hash) {
        String h = hash == null ? "" : hash.strip().toLowerCase(Locale.ROOT);
        if (!h.matches("[0-9a-f]{64}")) {
            throw new DisclosureException(DisclosureException.Kind.INVALID,
                    "摘要应为64位十六进制数字（0-9、a-f）", "a hash has 64 hex digits (0-9, a-f)");
        }
        return store.byHash(h).map(n -> answer(Outcome.HASH_FOUND, n, h, List.of(), null))
                .orElseGet(() -> new Verification(Outcome.HASH_UNKNOWN, null, null, h, List.of(), null));
    }

    private Verification answer(Outcome outcome, Notice notice, String hash, List<Difference> differences,
                                sunshine.contract.Reason problem) {
        Notice latest = store.latest(notice.villageCode(), notice.program()).orElse(notice);
        return new Verification(outcome, notice, latest, hash, differences, problem);
    }

    /** What a copy says differently from the publication: header fields, then rows only in one of them. */
    static List<Difference> differences(Content published, Content given) {
        List<Difference> out = new ArrayList<>();
        Header p = published.header();
        Header g = given.header();
        header(out, "village", p.village().name(), g.village().name());
        header(out, "town", p.town().code() + " " + p.town().name(), g.town().code() + " " + g.town().name());
        header(out, "county", p.county().code() + " " + p.county().name(),
                g.county().code() + " " + g.county().name());
        header(out, "program", p.programLabel(), g.programLabel());
        header(out, "published_at", NoticeFormat.TIME.format(p.publishedAt()),
                NoticeFormat.TIME.format(g.publishedAt()));
        header(out, "published_by", p.publishedBy().code() + " " + p.publishedBy().name(),
                g.publishedBy().code() + " " + g.publishedBy().name());
        header(out, "previous_hash", p.previousHash(), g.previousHash());
        Map<String, Integer> rows = new LinkedHashMap<>();
        for (Row r : published.rows()) {
            rows.merge(text(r), 1, Integer::sum);
        }
        Map<String, Integer> extra = new LinkedHashMap<>();
        for (Row r : given.rows()) {
            String t = text(r);
            Integer n = rows.get(t);
            if (n != null && n > 0) {
                rows.put(t, n - 1);
            } else {
                extra.merge(t, 1, Integer::sum);
            }
        }
        rows.forEach((t, n) -> {
            for (int i = 0; i < n; i++) {
                out.add(new Difference(Difference.Kind.MISSING_ROW, null, t, null));
            }
        });
        extra.forEach((t, n) -> {
            for (int i = 0; i < n; i++) {
                out.add(new Difference(Difference.Kind.EXTRA_ROW, null, null, t));
            }
        });
        return out;
    }

    private static void header(List<Difference> out, String field, String published, String given) {
        if (!published.equals(given)) {
            out.add(new Difference(Difference.Kind.HEADER, field, published, given));
        }
    }

    private static String text(Row r) {
        return r.maskedName() + "," + r.coveredMembers() + "," + r.monthlyAmount().toPlainString();
    }

    /** Every version of one list, the latest first. */
    public record NoticeChain(List<Notice> versions, Integer brokenAt) {

        /** Whether every version is intact, numbered 1, 2, 3 ... and names the hash of the one before. */
        public boolean intact() {
            return brokenAt == null;
        }

        /** The first version (oldest first) that is not intact or does not link to the one before; or null. */
        static Integer firstBroken(List<Notice> latestFirst) {
            List<Notice> ordered = new ArrayList<>(latestFirst);
            java.util.Collections.reverse(ordered);
            String previous = NoticeFormat.GENESIS;
            int expected = 1;
            for (Notice n : ordered) {
                if (n.version() != expected || !n.intact() || !n.previousHash().equals(previous)) {
                    return n.version() != expected ? expected : n.version();
                }
                previous = n.hash();
                expected++;
            }
            return null;
        }
    }
}
