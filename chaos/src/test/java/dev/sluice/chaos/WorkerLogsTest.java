package dev.sluice.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Worker logs are read the same whether the worker logs text (dev) or JSON (prod profile). */
class WorkerLogsTest {

    @Test
    void textAndJsonLinesGiveTheSameFacts(@TempDir Path dir) throws Exception {
        Path text = dir.resolve("text.log");
        Files.writeString(text, String.join("\n",
                "10:00:00.000 INFO  [de.sl.wo.ta.TaskProcessor] (sluice-task-1) {attempt=2, fencingToken=7, jobId=j1,"
                        + " taskId=j1-0, workerId=w-1} task finished outcome=Completed[outputKey=outputs/o/j1/j1-0.png]",
                "10:00:01.000 WARN  [de.sl.wo.le.Heartbeat] (sluice-heartbeat) {taskId=j2-0, workerId=w-1}"
                        + " lease lost: lease taken over by another worker",
                "10:00:02.000 INFO  [de.sl.wo.ta.TaskProcessor] (sluice-task-2) {taskId=j3-0} lease acquired", ""));
        Path json = dir.resolve("json.log");
        Files.writeString(json, String.join("\n",
                "{\"timestamp\":\"2026-11-24T10:00:00Z\",\"level\":\"INFO\",\"message\":\"task finished outcome=Completed"
                        + "[outputKey=outputs/o/j1/j1-0.png]\",\"mdc\":{\"attempt\":\"2\",\"fencingToken\":\"7\","
                        + "\"jobId\":\"j1\",\"taskId\":\"j1-0\",\"workerId\":\"w-1\"}}",
                "{\"level\":\"WARN\",\"message\":\"lease lost: lease taken over by another worker\",\"threadName\":"
                        + "\"sluice-heartbeat\",\"mdc\":{\"taskId\":\"j2-0\",\"workerId\":\"w-1\"}}",
                "{\"level\":\"INFO\",\"message\":\"lease acquired\",\"mdc\":{\"taskId\":\"j3-0\"}}", ""));

        for (Path log : List.of(text, json)) {
            WorkerLogs logs = WorkerLogs.read(List.of(log));
            assertThat(logs.completed()).as(log.getFileName().toString())
                    .containsExactly(new WorkerLogs.Completion("j1-0", "w-1", 7));
            assertThat(logs.leaseLostReasons()).containsExactly(java.util.Map.entry("lease taken over by another worker", 1));
            assertThat(logs.leaseAcquired()).isEqualTo(1);
            assertThat(logs.outcomes("Completed")).isEqualTo(1);
        }
    }
}
