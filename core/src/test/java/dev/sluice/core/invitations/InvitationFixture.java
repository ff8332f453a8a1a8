package dev.sluice.core.invitations;

import dev.sluice.core.MotoKms;
import dev.sluice.core.MotoTable;
import dev.sluice.core.MutableClock;
import dev.sluice.core.store.JobStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A fresh table, a KMS key and a hand-moved clock on the local moto server, for the invitation tests. */
final class InvitationFixture {
    static final String HASH_KEY = "test-phone-hash-key";
    static final InvitationPolicy POLICY = new InvitationPolicy(10, Duration.ofHours(24), Duration.ofDays(30),
            Duration.ofDays(90));

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    final MotoTable table = MotoTable.create();
    final MotoKms kms = MotoKms.create();
    final JobStore jobs = new JobStore(table.dynamo(), table.name(), Duration.ofHours(24), clock);
    final PhoneCipher cipher = new PhoneCipher(kms.client(), kms.keyId());

    InvitationStore store() {
        return store(new InviteCodes());
    }

    InvitationStore store(InviteCodes codes) {
        return new InvitationStore(table.dynamo(), table.name(), jobs, cipher, HASH_KEY, codes, POLICY, clock);
    }

    /** A valid US number not used before in this JVM (with high probability): 415-555-xxxx and friends. */
    static PhoneNumber freshNumber() {
        String[] areas = {"201", "202", "212", "305", "312", "415", "503", "617", "702", "713"};
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String text = "+1" + areas[random.nextInt(areas.length)] + (200 + random.nextInt(800)) + String.format("%04d", random.nextInt(10000));
        PhoneCheck check = PhoneNumbers.check(text);
        return check instanceof PhoneCheck.Valid valid ? valid.number() : freshNumber();
    }

    static NewInvitation invite(String inviter, PhoneNumber number) {
        return new NewInvitation(inviter, "Ana", number);
    }

    static Invitation created(InvitationCreation creation) {
        if (creation instanceof InvitationCreation.Created created) {
            return created.invitation();
        }
        throw new AssertionError("not created: " + creation);
    }

    Optional<Map<String, AttributeValue>> item(Map<String, AttributeValue> key) {
        var item = table.dynamo().getItem(b -> b.tableName(table.name()).key(key).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    /** Codes from a script first, then random ones. */
    static InviteCodes scripted(String... first) {
        return new InviteCodes(new Random() {
            private int next;
            private final String chars = String.join("", first);

            @Override
            public int nextInt(int bound) {
                if (next < chars.length()) {
                    return InviteCodes.ALPHABET.indexOf(chars.charAt(next++));
                }
                return ThreadLocalRandom.current().nextInt(bound);
            }
        });
    }
}
