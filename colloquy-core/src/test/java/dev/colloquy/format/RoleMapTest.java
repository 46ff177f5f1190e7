package dev.colloquy.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.colloquy.model.Role;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoleMapTest {

    @Test
    void parsesLabelEqualsRoleEntries() {
        RoleMap m = RoleMap.parse("A=user, B = assistant,Narrator=system");
        assertThat(m.explicit("A")).contains(Role.USER);
        assertThat(m.explicit("B")).contains(Role.ASSISTANT);
        assertThat(m.explicit("Narrator")).contains(Role.SYSTEM);
        assertThat(m.toString()).isEqualTo("A=user,B=assistant,Narrator=system");
    }

    @Test
    void blankMeansDefaults() {
        assertThat(RoleMap.parse(" ")).isEqualTo(RoleMap.defaults());
        assertThat(RoleMap.parse(null)).isEqualTo(RoleMap.defaults());
    }

    @ParameterizedTest
    @ValueSource(strings = {"A", "=user", "A=robot", "A=user,,B=assistant"})
    void rejectsBadEntriesQuotingThem(String spec) {
        assertThatThrownBy(() -> RoleMap.parse(spec)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--roles");
    }

    @Test
    void ordersUnmappedLabelsUserThenAssistantThenNothing() {
        RoleMap m = RoleMap.defaults();
        assertThat(m.forLabel("X", 0)).contains(Role.USER);
        assertThat(m.forLabel("Y", 1)).contains(Role.ASSISTANT);
        assertThat(m.forLabel("Z", 2)).isEqualTo(Optional.empty());
        assertThat(m.forLabel("System", 2)).contains(Role.SYSTEM);
    }
}
