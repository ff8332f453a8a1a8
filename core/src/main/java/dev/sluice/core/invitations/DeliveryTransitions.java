package dev.sluice.core.invitations;

import static dev.sluice.core.invitations.InvitationItems.millis;
import static dev.sluice.core.invitations.InvitationItems.n;
import static dev.sluice.core.invitations.InvitationItems.s;
import static dev.sluice.core.invitations.InvitationKeys.*;

import dev.sluice.core.store.JobTable;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The sending side's state changes. Each is one conditional write (a transaction when it also writes
 * a delivery attempt or the provider-message item), fenced by the task lease's fencing token where the
 * caller holds one, so a worker whose lease was taken over cannot overwrite its successor. Attempts are
 * numbered from the invitation's {@code attemptCount}, checked in the same transaction.
 */
final class DeliveryTransitions {
    private static final int MAX_TRIES = 5;

    private final InvitationTable table;
    private final Function<String, Optional<Invitation>> reader;
    private final Clock clock;

    DeliveryTransitions(InvitationTable table, Function<String, Optional<Invitation>> reader, Clock clock) {
        this.table = table;
        this.reader = reader;
        this.clock = clock;
    }

    /** A change of the invitation item: {@code set} is SET clauses, {@code condition} must hold. */
    private record Change(String set, String condition, Map<String, String> names, Map<String, AttributeValue> values) {
    }

    private enum Result { APPLIED, REFUSED, MISSING }

    SendingStart markSending(String id, long token) {
        Instant now = clock.instant();
        Change change = new Change("#status = :sending, #token = :token, #since = :now",
                "#validUntil > :now AND ((#status = :queued AND (attribute_not_exists(#token) OR #token <= :token))"
                        + " OR (#status = :sending AND #token <= :token))",
                Map.of("#token", SENDING_TOKEN, "#since", SENDING_SINCE, "#validUntil", VALID_UNTIL),
                Map.of(":sending", s(InvitationStatus.SENDING.name()), ":queued", s(InvitationStatus.QUEUED.name()),
                        ":token", n(token)));
        Optional<Map<String, AttributeValue>> before = table.get(InvitationKeys.invitation(id));
        if (before.isEmpty()) {
            return new SendingStart.NotFound();
        }
        Result result = apply(id, change, Optional.empty(), ttl -> List.of(), now).result();
        Invitation after = reader.apply(id).orElse(null);
        if (after == null) {
            return new SendingStart.NotFound();
        }
        if (result != Result.APPLIED) {
            boolean newer = after.status() == InvitationStatus.SENDING && after.sendingToken().orElse(0L) > token;
            return newer ? new SendingStart.Superseded(after) : new SendingStart.NothingToSend(after);
        }
        // Read before the write: if it changed in between, the write's own condition still held.
        Invitation old = InvitationItems.toInvitation(before.get(), List.of());
        if (old.status() == InvitationStatus.SENDING && old.sendingToken().orElse(token) < token) {
            return new SendingStart.PreviouslyStarted(old.sendingToken().get(),
                    old.sendingSince().orElse(old.updatedAt()), after);
        }
        return new SendingStart.Started(after);
    }

    OptionalInt recordAttempt(String id, DeliveryAttempt attempt) {
        Change none = new Change("", "attribute_exists(#pk)", Map.of(), Map.of());
        Applied applied = apply(id, none, Optional.of(attempt), ttl -> List.of(), clock.instant());
        return applied.result() == Result.APPLIED ? OptionalInt.of(applied.attemptNumber()) : OptionalInt.empty();
    }

    InvitationUpdate markSent(String id, long token, String provider, String providerMessageId, DeliveryAttempt attempt) {
        Instant now = clock.instant();
        Change change = new Change("#status = :sent, #provider = :provider, #messageId = :messageId, #sentAt = :now",
                "#status = :sending AND #token = :token",
                Map.of("#provider", PROVIDER, "#messageId", PROVIDER_MESSAGE_ID, "#sentAt", SENT_AT, "#token", SENDING_TOKEN),
                Map.of(":sent", s(InvitationStatus.SENT.name()), ":sending", s(InvitationStatus.SENDING.name()),
                        ":provider", s(provider), ":messageId", s(providerMessageId), ":token", n(token)));
        Result result = apply(id, change, Optional.of(attempt), ttl -> {
            Map<String, AttributeValue> message = new HashMap<>(InvitationKeys.providerMessage(provider, providerMessageId));
            message.put(ENTITY, s("invitation-provider-message"));
            message.put(INVITATION_ID, s(id));
            message.put(JobTable.EXPIRES_AT, n(ttl));
            return List.of(table.putNew(message));
        }, now).result();
        return answer(id, result, inv -> inv.providerMessageId().filter(providerMessageId::equals).isPresent()
                && inv.sendingToken().orElse(-1L) == token);
    }

    InvitationUpdate releaseSending(String id, long token, DeliveryAttempt attempt) {
        Change change = new Change("#status = :queued", "#status = :sending AND #token = :token",
                Map.of("#token", SENDING_TOKEN),
                Map.of(":queued", s(InvitationStatus.QUEUED.name()), ":sending", s(InvitationStatus.SENDING.name()),
                        ":token", n(token)));
        Result result = apply(id, change, Optional.of(attempt), ttl -> List.of(), clock.instant()).result();
        return answer(id, result, inv -> inv.status() == InvitationStatus.QUEUED && inv.sendingToken().orElse(-1L) == token);
    }

    InvitationUpdate markFailed(String id, String reason, Optional<DeliveryAttempt> attempt) {
        Change change = new Change("#status = :failed, #reason = :reason", "#status IN (:queued, :sending)",
                Map.of("#reason", FAILURE_REASON),
                Map.of(":failed", s(InvitationStatus.FAILED.name()), ":reason", s(reason),
                        ":queued", s(InvitationStatus.QUEUED.name()), ":sending", s(InvitationStatus.SENDING.name())));
        Result result = apply(id, change, attempt, ttl -> List.of(), clock.instant()).result();
        return answer(id, result, inv -> inv.status() == InvitationStatus.FAILED);
    }

    InvitationUpdate markDelivered(String provider, String providerMessageId) {
        Optional<String> id = invitationOf(provider, providerMessageId);
        if (id.isEmpty()) {
            return new InvitationUpdate.NotFound();
        }
        Change change = new Change("#status = :delivered, #deliveredAt = :now", "#status = :sent",
                Map.of("#deliveredAt", DELIVERED_AT),
                Map.of(":delivered", s(InvitationStatus.DELIVERED.name()), ":sent", s(InvitationStatus.SENT.name())));
        Result result = apply(id.get(), change, Optional.empty(), ttl -> List.of(), clock.instant()).result();
        // ACCEPTED already: the invitee used the code before the delivery report came; nothing to add.
        return answer(id.get(), result, inv -> inv.status() == InvitationStatus.DELIVERED
                || inv.status() == InvitationStatus.ACCEPTED);
    }

    Optional<String> invitationOf(String provider, String providerMessageId) {
        return table.get(InvitationKeys.providerMessage(provider, providerMessageId))
                .flatMap(item -> InvitationItems.string(item, INVITATION_ID));
    }

    private InvitationUpdate answer(String id, Result result, Predicate<Invitation> alreadyDone) {
        Optional<Invitation> after = reader.apply(id);
        if (result == Result.MISSING || after.isEmpty()) {
            return new InvitationUpdate.NotFound();
        }
        if (result == Result.APPLIED) {
            return new InvitationUpdate.Applied(after.get());
        }
        return alreadyDone.test(after.get()) ? new InvitationUpdate.Unchanged(after.get())
                : new InvitationUpdate.Conflict(after.get());
    }

    private record Applied(Result result, int attemptNumber) {
    }

    /**
     * Applies {@code change} with the attempt (if any) numbered after the invitation's count, plus the
     * writes {@code extra} makes for the invitation's TTL (epoch seconds); tries again while only the
     * count moved (another attempt was recorded in between).
     */
    private Applied apply(String id, Change change, Optional<DeliveryAttempt> attempt,
                          LongFunction<List<TransactWriteItem>> extra, Instant now) {
        for (int tries = 0; tries < MAX_TRIES; tries++) {
            Optional<Map<String, AttributeValue>> item = table.get(InvitationKeys.invitation(id));
            if (item.isEmpty()) {
                return new Applied(Result.MISSING, 0);
            }
            int count = InvitationItems.number(item.get(), ATTEMPT_COUNT).orElse(0L).intValue();
            long ttl = InvitationItems.number(item.get(), JobTable.EXPIRES_AT).orElse(now.getEpochSecond());
            Result result = tryOnce(id, change, attempt, extra.apply(ttl), now, count, ttl);
            if (result != null) {
                return new Applied(result, count + 1);
            }
        }
        throw new IllegalStateException("invitation " + id + " not updated: too many concurrent writes");
    }

    /** One try; null when only the count had moved on (or a concurrent transaction got in the way). */
    private Result tryOnce(String id, Change change, Optional<DeliveryAttempt> attempt, List<TransactWriteItem> extra,
                           Instant now, int count, long ttl) {
        Map<String, String> names = new HashMap<>(change.names());
        names.put("#pk", JobTable.PK);
        names.put("#updatedAt", UPDATED_AT);
        names.put("#count", ATTEMPT_COUNT);
        if (change.condition().contains("#status") || change.set().contains("#status")) {
            names.put("#status", STATUS);
        }
        Map<String, AttributeValue> values = new HashMap<>(change.values());
        values.put(":now", millis(now));
        values.put(":count", n(count));
        values.put(":next", n(count + (attempt.isPresent() ? 1 : 0)));
        String set = "SET " + (change.set().isEmpty() ? "" : change.set() + ", ") + "#updatedAt = :now, #count = :next";
        String condition = "attribute_exists(#pk) AND #count = :count AND (" + change.condition() + ")";
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(table.update(InvitationKeys.invitation(id), set, condition, names, values));
        attempt.ifPresent(a -> writes.add(table.putNew(InvitationItems.attemptItem(id, a.numbered(count + 1), ttl))));
        writes.addAll(extra);
        Optional<InvitationTable.Cancelled> cancelled = table.transact(writes);
        if (cancelled.isEmpty()) {
            return Result.APPLIED;
        }
        if (cancelled.get().conflict()) {
            return null;
        }
        if (cancelled.get().conditionFailed(0)) {
            Optional<Map<String, AttributeValue>> current = table.get(InvitationKeys.invitation(id));
            if (current.isEmpty()) {
                return Result.MISSING;
            }
            return InvitationItems.number(current.get(), ATTEMPT_COUNT).orElse(0L).intValue() != count ? null : Result.REFUSED;
        }
        return Result.REFUSED;
    }
}
