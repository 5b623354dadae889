package sunshine.supervision.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import sunshine.supervision.Draw;
import sunshine.supervision.DrawInput;
import sunshine.supervision.InspectionService;
import sunshine.supervision.PublicInspection;
import sunshine.supervision.Verification;

/**
 * Random inspections for anyone, without signing in (一公开):
 * <ul>
 *   <li>{@code GET /api/public/inspections/{id}}: announcement, draw date, pools and pool hash from the
 *       announcement on; seed and sample once drawn; outcomes once published</li>
 *   <li>{@code GET /api/public/inspections/{id}/verify}: the platform replays its own stored draw</li>
 *   <li>{@code POST /api/public/inspections/replay} ({@link DrawInput}): a draw from any inputs, to check a draw
 *       with one's own copy of the published data</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/public/inspections")
class PublicInspectionController {

    private final InspectionService inspections;

    PublicInspectionController(InspectionService inspections) {
        this.inspections = inspections;
    }

    @GetMapping("/{id}")
    PublicInspection get(@PathVariable("id") long id) {
        return inspections.publicView(id);
    }

    @GetMapping("/{id}/verify")
    Verification verify(@PathVariable("id") long id) {
        return inspections.verify(id);
    }

    @PostMapping("/replay")
    Draw replay(@RequestBody DrawInput input) {
        return inspections.replay(input);
    }
}
