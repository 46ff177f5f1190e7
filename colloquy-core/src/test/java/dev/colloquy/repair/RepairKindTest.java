package dev.colloquy.repair;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RepairKindTest {

    @ParameterizedTest
    @EnumSource(RepairKind.class)
    void wireNameIsTheSnakeCaseName(RepairKind kind) {
        assertThat(kind.wireName()).matches("[a-z][a-z0-9_]*")
                .isEqualToIgnoringCase(kind.name())
                .isEqualTo(kind.toString());
    }

    @Test
    void wireNamesAreTheKindsRepairsReport() {
        assertThat(Arrays.stream(RepairKind.values()).map(RepairKind::wireName)).containsExactly("mojibake",
                "lossy_mojibake", "c1_controls", "charset_detected", "html_unescaped", "quotes_straightened",
                "fullwidth_to_ascii");
    }

    @Test
    void aRepairNamesItsKindByWireNameInCodeAndInJson() throws Exception {
        Repair r = new Repair(RepairKind.LOSSY_MOJIBAKE, 0, 3, 0, 1, "Ã©x", "é", "utf-8 read as windows-1252", 0.9);

        assertThat(r.kind()).isEqualTo("lossy_mojibake");
        assertThat(new ObjectMapper().writeValueAsString(r)).isEqualTo("{\"kind\":\"lossy_mojibake\",\"inputStart\":0,"
                + "\"inputEnd\":3,\"outputStart\":0,\"outputEnd\":1,\"before\":\"Ã©x\",\"after\":\"é\","
                + "\"chain\":\"utf-8 read as windows-1252\",\"confidence\":0.9}");
    }

    @Test
    void mojibakeRepairsCarryTheirKind() {
        RepairResult r = TextRepairer.builder().build().repair("cafÃ©");

        assertThat(r.repairs()).extracting(Repair::repairKind).containsExactly(RepairKind.MOJIBAKE);
    }
}
