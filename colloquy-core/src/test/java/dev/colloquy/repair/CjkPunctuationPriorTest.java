package dev.colloquy.repair;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The everyday CJK marks by how often Chinese and Japanese prose writes them: one lost byte of ， (EF BC 8C) leaves
 * ！ (81), （ (88) and ： (9A) beside it, and one of 、 (E3 80 81) leaves 「 (8C) and 」 (8D): the likelier mark is
 * taken.
 */
class CjkPunctuationPriorTest {

    private static final String CHINESE = "請用 --help，參閱忽略檔案資訊的說明。";
    private static final String JAPANESE = "データディレクトリを同期しています、経過時間";

    private static double after(String sample, String left, int cp) {
        return CharLikelihood.standard().scorer(sample).logProb(left, cp);
    }

    @Test
    void theFullWidthCommaIsTheLikeliestMarkAfterAWord() {
        String left = "請用 --help";
        double comma = after(CHINESE, left, '，');
        assertThat(comma).isGreaterThan(after(CHINESE, left, '：'))
                .isGreaterThan(after(CHINESE, left, '（'))
                .isGreaterThan(after(CHINESE, left, '！'));
    }

    @Test
    void theIdeographicCommaIsLikelierThanACornerBracket() {
        String left = "データディレクトリを同期しています";
        assertThat(after(JAPANESE, left, '、')).isGreaterThan(after(JAPANESE, left, '「'))
                .isGreaterThan(after(JAPANESE, left, '」'));
    }
}
