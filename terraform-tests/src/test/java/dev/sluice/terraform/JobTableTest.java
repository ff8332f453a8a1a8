package dev.sluice.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.core.store.JobTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;

/** The table Terraform creates is the table the code expects: core's JobTable.definition(). */
class JobTableTest {
    private static JsonNode table;
    private static final CreateTableRequest CODE = JobTable.definition("jobs");

    @BeforeAll
    static void parse() {
        List<HclFiles.Block> tables = HclFiles.parse(TerraformDir.terraform()).blocks("resource", "aws_dynamodb_table");
        assertThat(tables).as("aws_dynamodb_table resources").hasSize(1);
        table = tables.get(0).body();
    }

    @Test
    void keysAndBillingMatch() {
        assertThat(HclFiles.value(table, "hash_key").asText()).isEqualTo(key(CODE.keySchema(), KeyType.HASH));
        assertThat(HclFiles.value(table, "range_key").asText()).isEqualTo(key(CODE.keySchema(), KeyType.RANGE));
        assertThat(HclFiles.value(table, "billing_mode").asText()).isEqualTo(CODE.billingModeAsString());
    }

    @Test
    void attributesMatch() {
        Map<String, String> code = new TreeMap<>();
        CODE.attributeDefinitions().forEach(a -> code.put(a.attributeName(), a.attributeTypeAsString()));
        assertThat(attributes()).isEqualTo(code);
    }

    @Test
    void indexesMatch() {
        Map<String, List<String>> code = new TreeMap<>();
        for (GlobalSecondaryIndex index : CODE.globalSecondaryIndexes()) {
            code.put(index.indexName(), List.of(key(index.keySchema(), KeyType.HASH), key(index.keySchema(), KeyType.RANGE),
                    index.projection().projectionTypeAsString()));
        }
        Map<String, List<String>> terraform = new TreeMap<>();
        table.path("global_secondary_index").forEach(index -> terraform.put(HclFiles.value(index, "name").asText(),
                List.of(HclFiles.value(index, "hash_key").asText(), HclFiles.value(index, "range_key").asText(),
                        HclFiles.value(index, "projection_type").asText())));
        assertThat(terraform).isEqualTo(code);
    }

    @Test
    void itemsExpireOnTheCodesAttributeAndTheTableIsRecoverableAndEncrypted() {
        JsonNode ttl = HclFiles.value(table, "ttl");
        assertThat(HclFiles.value(ttl, "attribute_name").asText()).isEqualTo(JobTable.EXPIRES_AT);
        assertThat(HclFiles.value(ttl, "enabled").asBoolean()).isTrue();
        assertThat(HclFiles.value(HclFiles.value(table, "point_in_time_recovery"), "enabled").asBoolean()).isTrue();
        JsonNode sse = HclFiles.value(table, "server_side_encryption");
        assertThat(HclFiles.value(sse, "enabled").asBoolean()).isTrue();
        assertThat(HclFiles.value(sse, "kms_key_arn").asText()).isNotBlank();
    }

    // Static attribute blocks and one dynamic "attribute" block over a literal list are both read.
    private static Map<String, String> attributes() {
        Map<String, String> attributes = new TreeMap<>();
        table.path("attribute").forEach(a -> attributes.put(HclFiles.value(a, "name").asText(), HclFiles.value(a, "type").asText()));
        for (JsonNode dynamic : table.path("dynamic")) {
            JsonNode block = dynamic.path("attribute");
            if (block.isMissingNode()) {
                continue;
            }
            JsonNode content = HclFiles.value(block, "content");
            assertThat(HclFiles.value(content, "name").asText()).isEqualTo("${attribute.value}");
            List<String> names = new ArrayList<>(HclFiles.strings(block, "for_each"));
            names.forEach(name -> attributes.put(name, HclFiles.value(content, "type").asText()));
        }
        return attributes;
    }

    private static String key(List<KeySchemaElement> schema, KeyType type) {
        return schema.stream().filter(k -> k.keyType() == type).findFirst().map(KeySchemaElement::attributeName).orElse("");
    }
}
