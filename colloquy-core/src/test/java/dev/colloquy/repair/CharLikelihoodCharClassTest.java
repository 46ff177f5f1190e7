package dev.colloquy.repair;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.lang.UScript;
import java.util.BitSet;
import org.junit.jupiter.api.Test;

/**
 * The character model's questions about a char itself (its script, whether it is letter-like, whether it is assigned)
 * are remembered per char; the answers are ICU's, for every code point, asked in any order.
 */
class CharLikelihoodCharClassTest {

    @Test
    void everyCodePointGetsIcusScriptLetterLikenessAndAssignment() {
        // downwards, then upwards: the remembered answers must not depend on which chars were asked first
        for (int cp = Character.MAX_CODE_POINT; cp >= 0; cp -= 7) {
            assertAnswersOf(cp);
        }
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            assertAnswersOf(cp);
        }
    }

    private static void assertAnswersOf(int cp) {
        int type = UCharacter.getType(cp);
        int script = UScript.getScript(cp);
        if (script == UScript.COMMON || script == UScript.INHERITED) {
            BitSet extensions = new BitSet();
            if (UScript.getScriptExtensions(cp, extensions) < 0 && !extensions.isEmpty()) {
                script = extensions.nextSetBit(0);
            }
        }
        boolean letterLike = UCharacter.isLetter(cp) || type == UCharacterCategory.NON_SPACING_MARK
                || type == UCharacterCategory.COMBINING_SPACING_MARK;
        boolean assigned = type != UCharacterCategory.UNASSIGNED && type != UCharacterCategory.SURROGATE
                && !UCharacter.hasBinaryProperty(cp, UProperty.NONCHARACTER_CODE_POINT);
        if (CharLikelihood.scriptOf(cp) != script || CharLikelihood.isLetterLike(cp) != letterLike
                || CharLikelihood.isAssigned(cp) != assigned) {
            assertThat(new Object[] {CharLikelihood.scriptOf(cp), CharLikelihood.isLetterLike(cp),
                    CharLikelihood.isAssigned(cp)}).as("U+%04X", cp).containsExactly(script, letterLike, assigned);
        }
    }
}
