package sunshine.supervision.web;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import sunshine.supervision.InspectionDetail;
import sunshine.supervision.InspectionPlan;
import sunshine.supervision.InspectionService;
import sunshine.supervision.NewInspection;
import sunshine.supervision.ResultInput;
import sunshine.supervision.SampleSize;
import sunshine.supervision.SupervisionException;
import sunshine.supervision.Verification;

/**
 * Random inspections for signed-in staff:
 * <ul>
 *   <li>{@code POST /api/inspections} ({@link NewInspection}) → 201, the announced plan</li>
 *   <li>{@code GET /api/inspections}, {@code GET /api/inspections/{id}} (plan, pools, draw, results)</li>
 *   <li>{@code POST /api/inspections/{id}/draw} {@code {version, beacon}}</li>
 *   <li>{@code POST /api/inspections/{id}/results} ({@link ResultInput})</li>
 *   <li>{@code POST /api/inspections/{id}/publish} {@code {version}}</li>
 *   <li>{@code GET /api/inspections/{id}/verify}: the stored draw replayed</li>
 *   <li>{@code POST /api/inspections/sample-size} {@code {population, confidence, margin, proportion?}}</li>
 * </ul>
 * The public side is {@link PublicInspectionController}.
 */
@RestController
@RequestMapping("/api/inspections")
class InspectionController {

    record DrawJson(long version, String beacon) {
    }

    record VersionJson(long version) {
    }

    record SampleJson(Long population, BigDecimal confidence, BigDecimal margin, BigDecimal proportion) {
    }

    record SampleAnswer(int size, double exact, double z) {
    }

    private final InspectionService inspections;
    private final SupervisionActors actors;

    InspectionController(InspectionService inspections, SupervisionActors actors) {
        this.inspections = inspections;
        this.actors = actors;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    InspectionPlan create(@RequestBody NewInspection in) {
        return inspections.create(actors.get(), in);
    }

    @GetMapping
    List<InspectionPlan> list() {
        return inspections.list(actors.get());
    }

    @GetMapping("/{id}")
    InspectionDetail get(@PathVariable("id") long id) {
        return inspections.get(actors.get(), id);
    }

    @PostMapping("/{id}/draw")
    InspectionDetail draw(@PathVariable("id") long id, @RequestBody DrawJson body) {
        return inspections.draw(actors.get(), id, body.version(), body.beacon());
    }

    @PostMapping("/{id}/results")
    InspectionDetail result(@PathVariable("id") long id, @RequestBody ResultInput body) {
        return inspections.recordResult(actors.get(), id, body);
    }

    @PostMapping("/{id}/publish")
    InspectionDetail publish(@PathVariable("id") long id, @RequestBody VersionJson body) {
        return inspections.publish(actors.get(), id, body.version());
    }

    @GetMapping("/{id}/verify")
    Verification verify(@PathVariable("id") long id) {
        inspections.get(actors.get(), id);
        return inspections.verify(id);
    }

    @PostMapping("/sample-size")
    SampleAnswer sampleSize(@RequestBody SampleJson body) {
        actors.get();
        if (body.population() == null || body.confidence() == null || body.margin() == null) {
            throw SupervisionException.invalid("请填写总体数量、置信水平和允许误差",
                    "the population, confidence level and margin are required");
        }
        double p = body.proportion() == null ? 0.5 : body.proportion().doubleValue();
        double c = body.confidence().doubleValue();
        double e = body.margin().doubleValue();
        return new SampleAnswer(SampleSize.required(body.population(), c, e, p),
                SampleSize.exact(body.population(), c, e, p), SampleSize.z(c));
    }
}
