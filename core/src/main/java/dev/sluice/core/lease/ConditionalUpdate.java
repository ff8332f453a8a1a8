package dev.sluice.core.lease;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** One conditional UpdateItem whose refused condition is an answer, not an error. */
record ConditionalUpdate(DynamoDbClient dynamo, String table) {

    boolean apply(Map<String, AttributeValue> key, String update, String condition, Map<String, String> names,
                  Map<String, AttributeValue> values) {
        try {
            dynamo.updateItem(UpdateItemRequest.builder()
                    .tableName(table)
                    .key(key)
                    .updateExpression(update)
                    .conditionExpression(condition)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .build());
            return true;
        } catch (ConditionalCheckFailedException refused) {
            return false;
        }
    }
}
