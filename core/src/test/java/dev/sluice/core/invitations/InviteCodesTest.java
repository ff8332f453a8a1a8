package dev.sluice.core.invitations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InviteCodesTest {

    @Test
    void codesArePrefixAndSixCharactersOfTheUnambiguousAlphabet() {
        InviteCodes codes = new InviteCodes();
        for (int i = 0; i < 2000; i++) {
            String code = codes.next();
            assertThat(code).hasSize(10).startsWith("APP-").matches(InviteCodes.FORMAT);
            assertThat(code.substring(4)).doesNotContain("0", "O", "1", "I", "L");
            assertThat(InviteCodes.isWellFormed(code)).isTrue();
        }
    }

    @Test
    void theAlphabetHasNoLookAlikes() {
        assertThat(InviteCodes.ALPHABET).hasSize(31).doesNotContain("0", "O", "1", "I", "L");
        assertThat(InviteCodes.ALPHABET.chars().distinct().count()).isEqualTo(31);
    }

    @Test
    void everyCharacterIsDrawnFromTheGivenRandomSource() {
        // A source that always answers the last index: every character is the alphabet's last.
        Random last = new Random() {
            @Override
            public int nextInt(int bound) {
                return bound - 1;
            }
        };
        assertThat(new InviteCodes(last).next()).isEqualTo("APP-ZZZZZZ");
        assertThat(new InviteCodes(new Random(7)).next()).isEqualTo(new InviteCodes(new Random(7)).next());
    }

    @Test
    void secureCodesDoNotRepeatInASmallSample() {
        InviteCodes codes = new InviteCodes();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            seen.add(codes.next());
        }
        // 1000 draws from 31^6 codes: a repeat has a probability of about 0.06 %.
        assertThat(seen).hasSizeGreaterThanOrEqualTo(999);
    }

    @Test
    void malformedCodesAreRecognised() {
        assertThat(InviteCodes.isWellFormed("APP-8F3K92")).isTrue();
        assertThat(InviteCodes.isWellFormed("APP-8F3K9")).isFalse();
        assertThat(InviteCodes.isWellFormed("APP-0F3K92")).isFalse();
        assertThat(InviteCodes.isWellFormed("app-8F3K92")).isFalse();
        assertThat(InviteCodes.isWellFormed(null)).isFalse();
    }
}
