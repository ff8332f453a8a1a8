package dev.sluice.api.invitations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.api.jobs.input.JsonFields;
import dev.sluice.api.json.StrictJsonBody;
import dev.sluice.api.problem.FieldError;
import dev.sluice.api.problem.Problem;
import dev.sluice.api.problem.ProblemException;
import dev.sluice.api.problem.ProblemType;
import dev.sluice.core.invitations.PhoneCheck;
import dev.sluice.core.invitations.PhoneNumbers;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code {"phoneNumber": "+14155552671", "inviterName": "Ana"}}: text that is not JSON is 400,
 * broken rules 422 listing every field. A number that is the only problem gets its own type,
 * {@code invalid-phone-number}; no answer ever repeats the number.
 */
@ApplicationScoped
public class InvitationRequestReader {
    static final int MAX_NAME_LENGTH = 40;
    private static final Set<String> FIELDS = Set.of("phoneNumber", "inviterName");

    private final String defaultName;

    public InvitationRequestReader(InvitationsConfig config) {
        this.defaultName = config.defaultInviterName();
    }

    public InvitationRequest read(byte[] body) {
        JsonNode root = StrictJsonBody.parse(body);
        if (!root.isObject()) {
            throw new ProblemException(Problem.invalid(
                    List.of(new FieldError("body", "must be a JSON object, not " + JsonFields.describe(root)))));
        }
        ObjectNode request = (ObjectNode) root;
        List<FieldError> errors = new ArrayList<>();
        JsonFields.rejectUnknown(request, FIELDS, "", errors);
        Optional<String> name = name(request, errors);
        Optional<String> number = JsonFields.requiredString(request, "phoneNumber", "", errors);
        PhoneCheck check = number.map(PhoneNumbers::check).orElse(null);
        if (check instanceof PhoneCheck.Invalid invalid) {
            FieldError error = new FieldError("phoneNumber", invalid.reason());
            if (errors.isEmpty()) {
                throw new ProblemException(new Problem(ProblemType.INVALID_PHONE_NUMBER,
                        "phoneNumber " + invalid.reason(), List.of(error), Map.of(), Map.of()));
            }
            errors.add(error);
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid(errors));
        }
        return new InvitationRequest(((PhoneCheck.Valid) check).number(), name.orElse(defaultName));
    }

    /** Optional; 1 to 40 characters, not blank, no control or invisible formatting characters. */
    private static Optional<String> name(ObjectNode request, List<FieldError> errors) {
        if (!request.has("inviterName")) {
            return Optional.empty();
        }
        return JsonFields.requiredString(request, "inviterName", "", errors).filter(name -> {
            if (name.isBlank() || name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
                errors.add(new FieldError("inviterName", "must be 1 to " + MAX_NAME_LENGTH + " characters, not blank"));
                return false;
            }
            if (name.codePoints().anyMatch(InvitationRequestReader::unprintable)) {
                errors.add(new FieldError("inviterName", "must contain printable characters only"));
                return false;
            }
            return true;
        }).map(String::strip);
    }

    private static boolean unprintable(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.UNASSIGNED || type == Character.PRIVATE_USE
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }
}
