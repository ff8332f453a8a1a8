package dev.sluice.worker;

import dev.sluice.devstack.DevStack;
import java.time.Duration;
import java.util.Optional;
import org.awaitility.Awaitility;
import software.amazon.awssdk.services.sqs.model.Message;

/** Looks into the DLQ without taking messages away from it. */
public final class DeadLetters {
    private DeadLetters() {
    }

    public static Message awaitContaining(String text, Duration timeout) {
        DevStack stack = DevStack.shared();
        return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
            var messages = stack.clients().sqs().receiveMessage(b -> b.queueUrl(stack.resources().dlqUrl())
                    .maxNumberOfMessages(10).visibilityTimeout(0).waitTimeSeconds(1)).messages();
            return messages.stream().filter(m -> m.body().contains(text)).findFirst();
        }, Optional::isPresent).orElseThrow();
    }
}
