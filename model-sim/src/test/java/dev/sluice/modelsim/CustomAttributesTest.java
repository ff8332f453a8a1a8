package dev.sluice.modelsim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CustomAttributesTest {

    @Test
    void parsesTheWorkersFormat() {
        CustomAttributes a = CustomAttributes.parse("taskId=j1/t3;fencingToken=42;worker=w-7");

        assertThat(a.taskId()).isEqualTo("j1/t3");
        assertThat(a.fencingToken()).isEqualTo(42L);
        assertThat(a.caller()).isEqualTo("w-7");
    }

    @Test
    void isLenient() {
        CustomAttributes a = CustomAttributes.parse(" worker = w ;junk; fencingToken=abc ;taskId=t=1;;extra=x");

        assertThat(a.taskId()).isEqualTo("t=1");
        assertThat(a.fencingToken()).isNull();
        assertThat(a.caller()).isEqualTo("w");
        assertThat(a.values()).containsEntry("extra", "x");
    }

    @Test
    void absentHeaderGivesNulls() {
        CustomAttributes a = CustomAttributes.parse(null);

        assertThat(a.raw()).isNull();
        assertThat(a.taskId()).isNull();
        assertThat(a.fencingToken()).isNull();
        assertThat(a.caller()).isNull();
    }
}
