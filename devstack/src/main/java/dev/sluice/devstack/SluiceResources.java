package dev.sluice.devstack;

/** Names and addresses of the resources one Sluice installation uses. */
public record SluiceResources(String table, String bucket, String queueName, String queueUrl, String dlqName,
                              String dlqUrl) {
}
