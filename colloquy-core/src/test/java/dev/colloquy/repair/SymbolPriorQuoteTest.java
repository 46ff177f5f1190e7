package dev.colloquy.repair;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The quote still open before a char, for every char of the BMP: an opener closerOf knows (but ‘, which is as
 * often an apostrophe) is open after itself; a closer isCloser knows (but ’) closes the opener before it; every
 * other char leaves the open quote as it was; a line break ends every quote.
 */
class SymbolPriorQuoteTest {

    @Test
    void everyCharOpensClosesOrLeavesTheQuoteBeforeIt() {
        for (int c = 0; c <= 0xFFFF; c++) {
            boolean opener = SymbolPrior.closerOf(c) >= 0 && c != '\u2018';
            boolean closer = SymbolPrior.isCloser(c) && c != '\u2019';
            String alone = String.valueOf((char) c);
            assertThat(SymbolPrior.unmatchedOpener(alone)).as("U+%04X alone", c).isEqualTo(opener ? c : -1);
            int afterGuillemet = c == '\n' ? -1 : opener ? c : closer ? -1 : '\u00AB';
            assertThat(SymbolPrior.unmatchedOpener("\u00AB" + alone)).as("U+%04X after «", c).isEqualTo(afterGuillemet);
            assertThat(SymbolPrior.unmatchedOpener("\u201E" + alone + "x")).as("„, U+%04X, x", c)
                    .isEqualTo(c == '\n' ? -1 : opener ? c : closer ? -1 : '\u201E');
        }
    }
}
