package sunshine.ledger;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.checks.Severity;
import sunshine.contract.IdNumbers;
import sunshine.contract.Reason;
import sunshine.ledger.internal.Draft;
import sunshine.ledger.internal.KnownRegions;
import sunshine.ledger.internal.LedgerSettings;
import sunshine.ledger.internal.LedgerStore;
import sunshine.ledger.internal.LedgerStore.Who;
import sunshine.ledger.internal.Permissions;
import sunshine.ledger.internal.RateLimiter;
import sunshine.ledger.internal.Sm3;
import sunshine.security.Actor;

/**
 * Complaints and tips (举报): from the public (no sign-in; limited per client address) and from the hotline
 * (entered by staff). Each becomes a ledger item of source COMPLAINT, rule COMPLAINT, subject its complaint number
 * ({@code TS000042}), assigned to the town of its region like any clue. The complainant gets a tracking code
 * (random, 80 bits, kept by the platform only as its SM3 hash) to look up the complaint's stage later.
 */
@Service
public class ComplaintService {

    /** Crockford's base 32: no I, L, O, U to misread. */
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int MIN_CONTENT = 10;
    private static final int MAX_CONTENT = 2000;

    private final LedgerService ledger;
    private final LedgerStore store;
    private final LedgerSettings settings;
    private final KnownRegions regions;
    private final RateLimiter submissions = new RateLimiter();
    private final RateLimiter lookups = new RateLimiter();
    private final SecureRandom random = new SecureRandom();

    ComplaintService(LedgerService ledger, LedgerStore store, LedgerSettings settings, KnownRegions regions) {
        this.ledger = ledger;
        this.store = store;
        this.settings = settings;
        this.regions = regions;
    }

    /**
     * A complaint from the public.
     *
     * @param clientAddress the address it came from (rate limit only; not stored)
     * @return the tracking code (no ledger item: the public does not see the ledger)
     * @throws LedgerException RATE_LIMITED, INVALID, TOO_LARGE
     */
    @Transactional
    public ComplaintReceipt submitPublic(Complaint c, String clientAddress) {
        if (!submissions.tryAcquire(key(clientAddress), settings.clock().millis(), settings.complaintsPerAddress(),
                settings.rateWindow())) {
            throw new LedgerException(LedgerException.Kind.RATE_LIMITED, new Reason(
                    "提交过于频繁，请稍后再试", "too many complaints from your address: try again later"));
        }
        Complaint clean = validate(c, false);
        String code = trackingCode();
        create(clean, new Who("public", "群众", "PUBLIC", clean.regionCode()), "PUBLIC", code, null,
                "群众网上举报 / a complaint from the public");
        return new ComplaintReceipt(code, null);
    }

    /**
     * A complaint taken on the hotline by staff (town level or above, within their region; they may set the
     * severity).
     */
    @Transactional
    public ComplaintReceipt submitHotline(Actor actor, Complaint c) {
        Permissions.requireLevel(actor, LedgerStep.Level.TOWN);
        Complaint clean = validate(c, true);
        LedgerService.region(actor, clean.regionCode());
        String code = trackingCode();
        LedgerItem item = create(clean, Who.of(actor), "HOTLINE", code, actor.userId(),
                "热线电话举报 / a complaint by the hotline");
        return new ComplaintReceipt(code, item);
    }

    /**
     * The stage of a complaint, for whoever holds its tracking code.
     *
     * @throws LedgerException NOT_FOUND, RATE_LIMITED
     */
    @Transactional(readOnly = true)
    public ComplaintStatus status(String trackingCode, String clientAddress) {
        if (!lookups.tryAcquire(key(clientAddress), settings.clock().millis(), settings.lookupsPerAddress(),
                settings.rateWindow())) {
            throw new LedgerException(LedgerException.Kind.RATE_LIMITED, new Reason(
                    "查询过于频繁，请稍后再试", "too many look-ups from your address: try again later"));
        }
        String code = normalize(trackingCode);
        LedgerException none = new LedgerException(LedgerException.Kind.NOT_FOUND,
                new Reason("查询码不存在", "no complaint with this tracking code"));
        if (code == null) {
            throw none;
        }
        long id = store.complaintItem(Sm3.of(code)).orElseThrow(() -> none);
        LedgerItem item = store.find(id).orElseThrow(() -> none);
        ComplaintStatus.Stage stage = ComplaintStatus.Stage.of(item.status());
        return new ComplaintStatus(format(code), stage, stage.labelZh(), stage.labelEn(), item.createdAt(),
                item.updatedAt());
    }

    private LedgerItem create(Complaint c, Who who, String channel, String code, String receivedBy, String why) {
        Draft d = new Draft(LedgerSource.COMPLAINT, "COMPLAINT", "TS", c.severity(), "", c.regionCode(), c.program(),
                null, null, c.aboutIdNo(), null, null, null, BigDecimal.ZERO.setScale(2), null,
                c.content().length() <= 200 ? c.content() : c.content().substring(0, 199) + "…", null);
        LedgerItem item = ledger.create(who, d, n -> String.format("TS%06d", n), why);
        store.insertComplaint(item.id(), channel, Sm3.of(normalize(code)), c.content(), c.aboutName(), c.aboutIdNo(),
                c.name(), c.contact(), receivedBy, item.createdAt());
        return item;
    }

    private Complaint validate(Complaint c, boolean staff) {
        if (c == null) {
            throw LedgerException.invalid("请填写举报内容", "the complaint is empty");
        }
        String region = LedgerService.region(null, c.regionCode() == null ? null : c.regionCode().strip());
        if (!regions.known(region)) {
            throw LedgerException.invalid("没有这个地区代码：" + region, "no such region: " + region);
        }
        String content = c.content() == null ? "" : c.content().strip();
        if (content.length() < MIN_CONTENT) {
            throw LedgerException.invalid("请把情况写清楚（至少" + MIN_CONTENT + "个字）",
                    "describe what happened (at least " + MIN_CONTENT + " characters)");
        }
        if (content.length() > MAX_CONTENT) {
            throw new LedgerException(LedgerException.Kind.TOO_LARGE, new Reason(
                    "举报内容不能超过" + MAX_CONTENT + "个字", "a complaint is limited to " + MAX_CONTENT + " characters"));
        }
        String idNo = LedgerService.optional(c.aboutIdNo(), 18);
        if (idNo != null) {
            idNo = idNo.toUpperCase(Locale.ROOT);
            if (!IdNumbers.isValid(idNo)) {
                throw LedgerException.invalid("身份证号码不正确：" + idNo, "not a valid ID number: " + idNo);
            }
        }
        String program = LedgerService.optional(c.program(), 24);
        if (program != null && !program.matches("[A-Z_]{2,24}")) {
            throw LedgerException.invalid("项目代码不正确：" + program, "not a program code: " + program);
        }
        Severity severity = staff && c.severity() != null ? c.severity() : Severity.MEDIUM;
        return new Complaint(region, content, LedgerService.optional(c.aboutName(), 40), idNo, program,
                LedgerService.optional(c.name(), 40), LedgerService.optional(c.contact(), 60), severity);
    }

    /** TS-XXXX-XXXX-XXXX-XXXX: 16 characters of Crockford base 32, 80 random bits. */
    private String trackingCode() {
        StringBuilder sb = new StringBuilder("TS");
        for (int i = 0; i < 16; i++) {
            if (i % 4 == 0) {
                sb.append('-');
            }
            sb.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }

    /** The code's 16 characters, upper case, without separators; null when it cannot be one. */
    private static String normalize(String code) {
        if (code == null) {
            return null;
        }
        String s = code.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        if (s.startsWith("TS")) {
            s = s.substring(2);
        }
        s = s.replace('O', '0').replace('I', '1').replace('L', '1');
        return s.matches("[0-9A-HJKMNP-TV-Z]{16}") ? s : null;
    }

    private static String format(String normalized) {
        return "TS-" + normalized.substring(0, 4) + "-" + normalized.substring(4, 8) + "-"
                + normalized.substring(8, 12) + "-" + normalized.substring(12);
    }

    private static String key(String address) {
        return address == null || address.isBlank() ? "unknown" : address;
    }
}
