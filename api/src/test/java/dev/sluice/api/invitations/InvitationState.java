package dev.sluice.api.invitations;

import dev.sluice.api.LocalState;
import dev.sluice.core.invitations.InvitationKeys;
import dev.sluice.core.invitations.InvitationPolicy;
import dev.sluice.core.invitations.InvitationStore;
import dev.sluice.core.invitations.InviteCodes;
import dev.sluice.core.invitations.PhoneCheck;
import dev.sluice.core.invitations.PhoneCipher;
import dev.sluice.core.invitations.PhoneNumbers;
import dev.sluice.devstack.DevStack;
import dev.sluice.devstack.InvitationsKey;
import dev.sluice.localaws.LocalAws;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The invitations behind the API under test, read and moved along with core's store on the stack's
 * own clients (the worker's side of the protocol, which these tests play by hand).
 */
final class InvitationState {
    static final String HASH_KEY = "test-only-phone-hash-key";
    private static InvitationStore store;
    private static KmsClient kms;

    private InvitationState() {
    }

    static synchronized InvitationStore store() {
        if (store == null) {
            LocalAws aws = DevStack.shared().aws();
            kms = KmsClient.builder().endpointOverride(aws.endpoints().kms()).region(Region.of(aws.region()))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                            aws.credentials().accessKeyId(), aws.credentials().secretAccessKey())))
                    .httpClient(UrlConnectionHttpClient.create()).build();
            store = new InvitationStore(LocalState.dynamo(), LocalState.resources().table(), LocalState.store(),
                    new PhoneCipher(kms, InvitationsKey.ALIAS), HASH_KEY, new InviteCodes(),
                    new InvitationPolicy(10, Duration.ofHours(24), Duration.ofDays(30), Duration.ofDays(90)), Clock.systemUTC());
        }
        return store;
    }

    static PhoneCipher cipher() {
        store();
        return new PhoneCipher(kms, InvitationsKey.ALIAS);
    }

    /** A valid US number, random enough never to repeat within a test run. */
    static String freshNumber() {
        String[] areas = {"201", "202", "212", "305", "312", "415", "503", "617", "702", "713"};
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String text = "+1" + areas[random.nextInt(areas.length)] + (200 + random.nextInt(800))
                + String.format("%04d", random.nextInt(10000));
        return PhoneNumbers.check(text) instanceof PhoneCheck.Valid ? text : freshNumber();
    }

    /** Moves the invitation's expiry into the past, as if its 30 days had gone by. */
    static void expire(String invitationId) {
        LocalState.dynamo().updateItem(b -> b.tableName(LocalState.resources().table())
                .key(InvitationKeys.invitation(invitationId))
                .updateExpression("SET #validUntil = :past")
                .expressionAttributeNames(Map.of("#validUntil", InvitationKeys.VALID_UNTIL))
                .expressionAttributeValues(Map.of(":past", AttributeValue.fromN(
                        Long.toString(System.currentTimeMillis() - 1000)))));
    }

    /** The inviter's referral rewards. */
    static List<Map<String, AttributeValue>> rewards(String inviterId) {
        return LocalState.dynamo().query(b -> b.tableName(LocalState.resources().table()).consistentRead(true)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(InvitationKeys.referralPk(inviterId))))).items();
    }
}
