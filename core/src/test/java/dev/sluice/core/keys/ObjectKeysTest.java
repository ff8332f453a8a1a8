package dev.sluice.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.job.TaskRef;
import org.junit.jupiter.api.Test;

class ObjectKeysTest {

    @Test
    void outputKeyIsAFunctionOfTheTask() {
        TaskRef task = TaskRef.of("job-1", 0);
        assertThat(ObjectKeys.output("owner", task, "png"))
                .isEqualTo("outputs/owner/job-1/job-1-0.png")
                .isEqualTo(ObjectKeys.output("owner", task, "png"));
    }

    @Test
    void uploadKeysLiveUnderTheOwnersPrefix() {
        assertThat(ObjectKeys.upload("owner", "clip.mp4")).startsWith(ObjectKeys.uploadPrefix("owner")).endsWith("/clip.mp4");
    }

    @Test
    void segmentsThatCouldEscapeThePrefixAreRefused() {
        assertThatThrownBy(() -> ObjectKeys.output("../other", TaskRef.of("j", 0), "png"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ObjectKeys.upload("owner", "a/b.mp4")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void extensionFollowsTheContentType() {
        assertThat(ObjectKeys.extensionFor("image/png")).isEqualTo("png");
        assertThat(ObjectKeys.extensionFor("application/json; charset=utf-8")).isEqualTo("json");
        assertThat(ObjectKeys.extensionFor(null)).isEqualTo("bin");
    }
}
