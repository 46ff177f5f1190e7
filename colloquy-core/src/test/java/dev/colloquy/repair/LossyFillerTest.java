package dev.colloquy.repair;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LossyFillerTest {

    private static final int FOUNTAIN = 0x1F320; // 🌠, F0 9F 8C A0: its last byte may be a space that was a 0xA0

    @Test
    void anEmojiAfterASpaceThatTakesTheSpaceBeforeAWordGluesToIt() {
        assertThat(LossyFiller.gluesSpacedEmoji("Tiedoston typistäminen ", FOUNTAIN, 'e')).isTrue();
        assertThat(LossyFiller.gluesSpacedEmoji("Λήψη αρχείου ", FOUNTAIN, '%')).isTrue();
        assertThat(LossyFiller.gluesSpacedEmoji("ou history -anrw ", FOUNTAIN, '[')).isTrue();
    }

    @Test
    void anEmojiRunCountsAsOneAndTheLinesStartSetsItOff() {
        assertThat(LossyFiller.gluesSpacedEmoji("non è 📷", FOUNTAIN, 'u')).isTrue();
        assertThat(LossyFiller.gluesSpacedEmoji("anrw ✍🏽", FOUNTAIN, '[')).isTrue();
        assertThat(LossyFiller.gluesSpacedEmoji("", FOUNTAIN, 'u')).isTrue();
    }

    @Test
    void anEmojiGluedOnItsLeftOrEndingAPhraseGluesToNothing() {
        assertThat(LossyFiller.gluesSpacedEmoji("typistäminen", FOUNTAIN, 'e')).isFalse();
        assertThat(LossyFiller.gluesSpacedEmoji("onnistunut ", FOUNTAIN, '!')).isFalse();
        assertThat(LossyFiller.gluesSpacedEmoji("(onnistunut ", FOUNTAIN, ')')).isFalse();
        assertThat(LossyFiller.gluesSpacedEmoji("onnistunut ", FOUNTAIN, 0x1F60A)).isFalse();
        assertThat(LossyFiller.gluesSpacedEmoji("onnistunut ", FOUNTAIN, -1)).isFalse();
    }

    @Test
    void aLetterThatTakesTheSpaceIsNoEmoji() {
        // Р is D0 A0: at a Russian word's start its no-break space became the space before the rest of the word
        assertThat(LossyFiller.gluesSpacedEmoji("Язык ", 'Р', 'у')).isFalse();
    }
}
